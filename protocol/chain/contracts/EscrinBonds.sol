// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

interface IERC20Transfers {
    function transfer(address to, uint256 value) external returns (bool);
    function transferFrom(address from, address to, uint256 value) external returns (bool);
}

/// @title Fidelity bonds of Escrin node operators
/// @notice An operator locks $ESCRIN here; the amount locked is its `bond`, the fact trust
/// policies read ("bond >= 1000 ESCRIN"). Leaving takes two steps a delay apart: an unlock
/// request stops the amount counting at once, but it stays here, and slashable, until the
/// delay has passed, so an operator cannot misbehave and withdraw before it is judged. The
/// slasher (governance) burns bonds of operators proven to have misbehaved.
/// @dev Nodes follow `BondChanged`, which carries the operator's new bond, and read `bondOf`
/// for operators they have not seen an event of.
contract EscrinBonds {
    /// Where slashed tokens go: nobody holds its key.
    address public constant BURN = 0x000000000000000000000000000000000000dEaD;

    IERC20Transfers public immutable token;
    address public immutable slasher;
    uint64 public immutable unlockDelay;

    struct Bond {
        uint256 locked;
        uint256 unlocking;
        uint64 unlockAt;
    }

    mapping(address => Bond) public bonds;

    event BondChanged(address indexed operator, uint256 bond);
    event UnlockRequested(address indexed operator, uint256 amount, uint64 unlockAt);
    event Withdrawn(address indexed operator, uint256 amount);
    event Slashed(address indexed operator, uint256 amount);

    error NotSlasher();
    error ZeroAmount();
    error NotEnoughLocked(uint256 locked, uint256 asked);
    error StillLocked(uint64 unlockAt);
    error TransferFailed();

    constructor(IERC20Transfers token_, address slasher_, uint64 unlockDelay_) {
        token = token_;
        slasher = slasher_;
        unlockDelay = unlockDelay_;
    }

    /// @notice The operator's bond: what it has locked and not asked to unlock.
    function bondOf(address operator) external view returns (uint256) {
        return bonds[operator].locked;
    }

    /// @notice Locks `amount` more of the caller's tokens (approve this contract first).
    function lock(uint256 amount) external {
        if (amount == 0) revert ZeroAmount();
        if (!token.transferFrom(msg.sender, address(this), amount)) revert TransferFailed();
        Bond storage b = bonds[msg.sender];
        b.locked += amount;
        emit BondChanged(msg.sender, b.locked);
    }

    /// @notice Stops `amount` of the bond counting now; it can be withdrawn after the delay.
    /// A later request adds to the amount unlocking and restarts the delay.
    function requestUnlock(uint256 amount) external {
        if (amount == 0) revert ZeroAmount();
        Bond storage b = bonds[msg.sender];
        if (amount > b.locked) revert NotEnoughLocked(b.locked, amount);
        b.locked -= amount;
        b.unlocking += amount;
        b.unlockAt = uint64(block.timestamp) + unlockDelay;
        emit UnlockRequested(msg.sender, amount, b.unlockAt);
        emit BondChanged(msg.sender, b.locked);
    }

    /// @notice Sends the caller what it asked to unlock, once the delay has passed.
    function withdraw() external {
        Bond storage b = bonds[msg.sender];
        if (block.timestamp < b.unlockAt) revert StillLocked(b.unlockAt);
        uint256 amount = b.unlocking;
        if (amount == 0) revert ZeroAmount();
        b.unlocking = 0;
        if (!token.transfer(msg.sender, amount)) revert TransferFailed();
        emit Withdrawn(msg.sender, amount);
    }

    /// @notice Burns up to `amount` of the operator's tokens here: its bond first, then what it
    /// is unlocking.
    function slash(address operator, uint256 amount) external {
        if (msg.sender != slasher) revert NotSlasher();
        Bond storage b = bonds[operator];
        uint256 fromLocked = amount < b.locked ? amount : b.locked;
        uint256 rest = amount - fromLocked;
        uint256 fromUnlocking = rest < b.unlocking ? rest : b.unlocking;
        b.locked -= fromLocked;
        b.unlocking -= fromUnlocking;
        uint256 burnt = fromLocked + fromUnlocking;
        if (burnt == 0) revert ZeroAmount();
        if (!token.transfer(BURN, burnt)) revert TransferFailed();
        emit Slashed(operator, burnt);
        emit BondChanged(operator, b.locked);
    }
}
