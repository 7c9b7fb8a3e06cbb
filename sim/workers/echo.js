// A trivial smart worker: answers with its input. The job benchmark's worker.
export default {
  async fetch (request) {
    return new Response(await request.arrayBuffer())
  }
}
