import { envName, NODE_OPTIONS, type OptionSpec } from '../config/index.js'

export const MAIN_HELP = `escrin-node: a peer-to-peer node for the Escrin Network

Usage: escrin-node <command> [options]

Commands:
  start     run one node until SIGINT/SIGTERM
  devnet    run a local network of nodes on loopback (embedded defaults)
  id        print the node's peer id (creating its key if the data dir is new)
  attestation verify FILE... --kind nitro [--at T|document] [--pcr N=HEX]... [--json]
            verify attestation evidence and print its facts, or why it is rejected
  policy publish FILE --key HEX --api URL [--chain URL --policy-registry ADDRESS]
            sign a trust-boundary policy (register it on chain) and publish it through a node
  policy history --owner ADDRESS --name NAME --chain URL --policy-registry ADDRESS
            every version of a policy registered on chain, oldest first
  scope POLICY_ID --api URL [--explain]
            the peers in a policy's scope, and why others are not
  job submit --policy ID (--worker FILE | --worker-cid CID) [--input FILE] --api URL
            run a smart worker on a runner in the policy's scope
  blob put FILE --policy ID --api URL (--key HEX | --plain)
            encrypt a file and store it on r storage nodes of the policy's scope
  blob get CID --api URL [--key HEX] [--out FILE]
            fetch a blob back, verified against its CID
  blob delete (CID... | --all) --app NAME --owner-key HEX --api URL
            the app owner's deletion of blobs, at every holder
  secret deal --app NAME --custody NAME --key HEX --api URL
            deal an app key t-of-n to the custody scope's SSSS nodes
  secret delete --app NAME --version V --key HEX --api URL
            delete an app key's version (and older ones) at every holder
  bond show | lock AMOUNT | unlock AMOUNT | withdraw --chain URL --bond-contract ADDRESS
            this node's operator's bond in the EscrinBonds contract
  sim SCENARIO [--mode memory|process] [--out DIR]
            run a simulator scenario (many local nodes, faults, load) and report
  help      show this help, or a command's: escrin-node help start

Every command takes --help.`

function optionLines (options: readonly OptionSpec[]): string {
  return options.map(o => {
    const def = o.default === undefined ? '' : ` (default: ${Array.isArray(o.default) ? (o.default.length > 0 ? o.default.join(',') : 'none') : o.default})`
    // a name too long for the column gets a line of its own, so descriptions stay aligned
    const flag = o.name.length > 16 ? `--${o.name}\n  ${' '.repeat(18)}` : `--${o.name.padEnd(16)}`
    return `  ${flag} ${o.description}${def}\n  ${' '.repeat(18)} env ${envName(o.name)}`
  }).join('\n')
}

export const START_HELP = `Usage: escrin-node start [options]

Runs one node until SIGINT or SIGTERM, then shuts it down cleanly.

Options:
${optionLines(NODE_OPTIONS)}
  --config FILE      JSON file with any of the options above as keys
                     env ESCRIN_CONFIG

Precedence: flags, then environment variables, then the config file, then defaults.`

export const DEVNET_HELP = `Usage: escrin-node devnet [--nodes N] [--data-dir D] [--chain] [--log-level L] [--log-format F]

Starts N nodes (all roles, dev attestation) on 127.0.0.1 in this process: node 0
first, the others joining through it. Prints each node's peer id and API address.
Without --data-dir the nodes live in a temporary directory removed on exit.
Node i's operator has a bond of i+1 (in a ledger file the nodes share, or with
--chain in the EscrinBonds contract on a local anvil chain, printed with its
addresses; anvil and solc are development dependencies). With --chain the nodes
also follow the chain's policy registry: a policy counts once registered
(policy publish ... --chain URL --policy-registry ADDRESS). Ctrl-C stops all of them.

Options:
  --nodes N          how many nodes (default: 5, at most 100)
  --data-dir D       keep node i's key and data in D/node-i
  --chain            a local chain (anvil): bonds, each operator locking its own,
                     and the policy registry
  --log-level L      error, warn, info, debug or trace (default: warn)
  --log-format F     text or json (default: text)`

export const ID_HELP = `Usage: escrin-node id [--data-dir D]

Prints the peer id of the node whose key is in D, creating the key if D is new.

Options:
  --data-dir D       (default: ${NODE_OPTIONS.find(o => o.name === 'data-dir')?.default as string}, env ESCRIN_DATA_DIR)`
