export const SIM_HELP = `Usage: escrin-node sim SCENARIO.(json|yaml) [--mode memory|process] [--out DIR] [--seed N] [--quiet] [--log-level L]

Runs a simulator scenario: real escrin nodes (the code "escrin-node start" runs)
on this machine, driven through a timeline of joins, crashes, partitions,
byzantine faults, policy changes and job/key load, while three invariants are
checked continuously:
  (a) no job, share or blob reaches a peer outside its scope (counted at receivers)
  (b) every honest node converges to the true scope membership, within a deadline
  (c) no honest node accepts a record that fails verification
Prints progress on stderr, a summary table at the end, and writes report.json
and report.html (plots, no external scripts) to the output directory.
Scenario format and shipped scenarios: sim/README.md, sim/scenarios/.

Options:
  --mode M         memory: every node in this process over libp2p's memory
                   transport (scale); process: one OS process per node over TCP
                   loopback (realism, all cores). Default: the scenario's, else memory
  --out DIR        where the reports go (default: sim/results/<scenario>-<time>/)
  --seed N         seed of the simulator's choices (default: the scenario's, else 1)
  --quiet          no progress and no table: one verdict line and the report path
  --log-level L    node logs on stderr: error, warn, info, debug (default: none)

Exit codes: 0 every invariant held; 1 an invariant broke (or the run failed);
2 bad usage or an invalid scenario (the message names the offending path).`
