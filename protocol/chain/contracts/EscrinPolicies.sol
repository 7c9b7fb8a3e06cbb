// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @title The public record of apps' trust-boundary policies
/// @notice Every version of every app's policy that anyone registered here, for transparency:
/// anyone can audit which trust boundary an app committed to, and when. A node may require a
/// policy version to be registered before it honours it; an app then cannot show one boundary
/// to some nodes and another to the rest without both leaving a public trail, and it cannot
/// take a version back.
/// @dev A registration carries the owner's EIP-712 signature over the whole policy, the very
/// signature nodes check off chain (protocol/policy/signed-policy.ts), so the owner's key is the
/// only authority: anyone may send it (a relayer, a node, an auditor), and nothing here depends
/// on `msg.sender`. The record is append-only: there is no admin, no removal, and per owner and
/// name the versions only go up. Nodes follow `PolicyRegistered`, which carries the whole policy,
/// and read `registered` and `latest` for what they have not seen an event of.
contract EscrinPolicies {
    /// keccak256("Policy(address owner,string name,uint64 version,string predicate,uint64 createdAt)")
    bytes32 private constant POLICY_TYPEHASH = 0x7fa78decd12a56d54f4138373a2bdd4c5355eae6bf90fef4573903b614b9e932;

    /// keccak256(abi.encode(keccak256("EIP712Domain(string name,string version)"), keccak256("Escrin"), keccak256("1"))).
    /// The domain has no chainId and no verifyingContract, on purpose: a policy is an off-chain
    /// statement that means the same on every chain, and nodes verify it with no chain at all
    /// (protocol/policy/constants.ts). Replaying a signature on another chain or registry can
    /// only publish the same statement by the same owner.
    bytes32 private constant DOMAIN_SEPARATOR = 0x484fd2becbc081a68e3fd20877ec0148a93d9ae7a261b8819fa07ec90a6c1ff8;

    /// Half the order of secp256k1. A signature with a higher s has a twin (n - s, the other v)
    /// that is just as valid; nodes refuse the high form off chain, and so does the registry, so
    /// one policy has one accepted signature.
    uint256 private constant HALF_ORDER = 0x7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF5D576E7357A4501DDFE92F46681B20A0;

    /// Longest name, in UTF-16 code units: MAX_POLICY_NAME_LENGTH, what checkPolicy counts.
    uint256 private constant MAX_NAME_UNITS = 64;
    /// The most UTF-8 bytes a name of MAX_NAME_UNITS code units can take (three per code unit,
    /// for characters of the Basic Multilingual Plane above U+07FF): a cheap bound checked before
    /// the code units are counted.
    uint256 private constant MAX_NAME_BYTES = 3 * MAX_NAME_UNITS;
    /// Longest predicate, in bytes: MAX_PREDICATE_BYTES (16 KiB). Canonical predicate text is
    /// ASCII, so bytes and characters are the same count.
    uint256 private constant MAX_PREDICATE_BYTES = 16 * 1024;

    /// The last version registered of a lineage (an owner and a policy name).
    struct Latest {
        uint64 version;
        /// The EIP-712 digest of that version; zero while nothing is registered, which is how
        /// "nothing yet" is told from "version 0".
        bytes32 digest;
    }

    /// Every registered policy version, by its EIP-712 digest (`digestOf`).
    mapping(bytes32 => bool) public registered;
    /// The last version of each lineage: owner => keccak256(bytes(name)) => version and digest.
    mapping(address => mapping(bytes32 => Latest)) public latest;

    /// The whole policy is in the log (not only its digest), so an auditor can rebuild every
    /// version of every policy from the events alone.
    event PolicyRegistered(
        address indexed owner,
        bytes32 indexed nameHash,
        bytes32 indexed digest,
        string name,
        uint64 version,
        string predicate,
        uint64 createdAt
    );

    /// The signature is malformed, malleable (high s), or not the owner's over this very policy.
    error BadSignature();
    /// The lineage already has `latest`, and `version` is not above it.
    error VersionNotNewer(uint64 latest, uint64 version);
    /// The name is empty or longer than 64 characters, or the predicate empty or over 16 KiB:
    /// policies that no node accepts, which would cost the registry's readers for nothing.
    error BadLength();

    /// @notice The EIP-712 digest of a policy, what its owner signs: exactly viem's
    /// `hashTypedData(policyTypedData(policy))`. `createdAt` is 0 for a policy without one.
    function digestOf(
        address owner,
        string calldata name,
        uint64 version,
        string calldata predicate,
        uint64 createdAt
    ) public pure returns (bytes32) {
        bytes32 structHash = keccak256(
            abi.encode(POLICY_TYPEHASH, owner, keccak256(bytes(name)), version, keccak256(bytes(predicate)), createdAt)
        );
        return keccak256(abi.encodePacked("\x19\x01", DOMAIN_SEPARATOR, structHash));
    }

    /// @notice Records a version of `owner`'s policy `name`, signed by `owner` (65 bytes r || s || v,
    /// v 27/28 or 0/1, low s). Anyone may send it. The first version of a lineage may be any
    /// number, 0 included; each later one must be above the last, so a version can be neither
    /// replaced nor registered again, and an old version cannot be brought back over a newer one.
    function register(
        address owner,
        string calldata name,
        uint64 version,
        string calldata predicate,
        uint64 createdAt,
        bytes calldata signature
    ) external {
        if (!_nameFits(bytes(name))) revert BadLength();
        if (bytes(predicate).length == 0 || bytes(predicate).length > MAX_PREDICATE_BYTES) revert BadLength();

        bytes32 digest = digestOf(owner, name, version, predicate, createdAt);
        if (_signer(digest, signature) != owner) revert BadSignature();

        bytes32 nameHash = keccak256(bytes(name));
        Latest storage last = latest[owner][nameHash];
        if (last.digest != bytes32(0) && version <= last.version) revert VersionNotNewer(last.version, version);

        last.version = version;
        last.digest = digest;
        registered[digest] = true;
        emit PolicyRegistered(owner, nameHash, digest, name, version, predicate, createdAt);
    }

    /// Whether a name is 1..64 UTF-16 code units, the rule nodes apply off chain (they count in
    /// JavaScript strings), so that every name a node accepts can be registered: a limit of 64
    /// UTF-8 bytes would shut out, say, a 30-character name in Japanese. A UTF-8 sequence is one
    /// code unit, or two when it is four bytes long (a surrogate pair): one for each byte that
    /// does not continue a sequence (10xxxxxx), and one more for each lead byte of four (11110xxx).
    function _nameFits(bytes calldata name) private pure returns (bool) {
        uint256 length = name.length;
        if (length == 0 || length > MAX_NAME_BYTES) return false;
        uint256 units = 0;
        for (uint256 i = 0; i < length; ++i) {
            uint8 c = uint8(name[i]);
            if (c & 0xC0 != 0x80) units += c >= 0xF0 ? 2 : 1;
        }
        return units <= MAX_NAME_UNITS;
    }

    /// The address that signed `digest`, checked as nodes check it off chain; reverts with
    /// BadSignature when there is none (zero from ecrecover is never a signer).
    function _signer(bytes32 digest, bytes calldata signature) private pure returns (address) {
        if (signature.length != 65) revert BadSignature();
        bytes32 r = bytes32(signature[0:32]);
        bytes32 s = bytes32(signature[32:64]);
        uint8 v = uint8(signature[64]);
        // some signers and libraries give the bare recovery id (0/1) rather than 27/28
        if (v < 27) v += 27;
        if (v != 27 && v != 28) revert BadSignature();
        if (uint256(s) > HALF_ORDER) revert BadSignature();
        address signer = ecrecover(digest, v, r, s);
        if (signer == address(0)) revert BadSignature();
        return signer;
    }
}
