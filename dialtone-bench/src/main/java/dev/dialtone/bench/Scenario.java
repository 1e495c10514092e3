package dev.dialtone.bench;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/** What the load generator sends: each scenario makes the next request of one connection. */
enum Scenario {
  GET_CALL("GET /calls/{id}"),
  LIST_COMMENTS("GET /tickets/{id}/comments"),
  CREATE_CALL("POST /calls"),
  CREATE_WITH_COMMENT("POST /calls + comment"),
  PATCH_CALL("PATCH /calls/{id}"),
  ADD_COMMENT("POST /calls/{id}/comments"),
  MIX("mix 1:3:2:1");

  /**
   * The ids a target holds: {@code calls} seeded calls from {@code firstCall}, and calls whose
   * tickets already carry voice comments.
   */
  record Ids(long firstCall, long calls, List<Long> commentedCalls, List<Long> tickets) {
    Ids {
      commentedCalls = List.copyOf(commentedCalls);
      tickets = List.copyOf(tickets);
    }
  }

  /** The requests of one connection, in order. */
  interface Source {
    byte[] next();
  }

  // The mix's cycle: 1 create, 3 patches, 2 reads, 1 comment, interleaved.
  private static final List<Scenario> MIX_CYCLE =
      List.of(CREATE_CALL, PATCH_CALL, GET_CALL, PATCH_CALL, ADD_COMMENT, PATCH_CALL, GET_CALL);

  final String label;

  Scenario(String label) {
    this.label = label;
  }

  /**
   * A source for one connection. {@code unique} is shared by every connection of a run, so that
   * every created call carries an external id of its own.
   */
  Source source(Requests requests, Ids ids, AtomicLong unique, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    if (this == MIX) {
      int[] position = {random.nextInt(MIX_CYCLE.size())};
      return () -> {
        Scenario next = MIX_CYCLE.get(position[0]++ % MIX_CYCLE.size());
        return next.request(requests, ids, unique, random);
      };
    }
    return () -> request(requests, ids, unique, random);
  }

  private byte[] request(Requests requests, Ids ids, AtomicLong unique, SplittableRandom random) {
    return switch (this) {
      case GET_CALL -> requests.get("/api/v2/calls/" + seededCall(ids, random));
      case LIST_COMMENTS ->
          requests.get(
              "/api/v2/tickets/"
                  + ids.tickets().get(random.nextInt(ids.tickets().size()))
                  + "/comments");
      case CREATE_CALL ->
          requests.post("/api/v2/calls", requests.callBody(unique.incrementAndGet()));
      case CREATE_WITH_COMMENT ->
          requests.post("/api/v2/calls", requests.callWithCommentBody(unique.incrementAndGet()));
      case PATCH_CALL ->
          requests.patch(
              "/api/v2/calls/" + seededCall(ids, random),
              Requests.patchBody(unique.incrementAndGet()));
      case ADD_COMMENT ->
          requests.post(
              "/api/v2/calls/"
                  + ids.commentedCalls().get(random.nextInt(ids.commentedCalls().size()))
                  + "/comments",
              Requests.commentBody());
      case MIX -> throw new IllegalStateException("the mix is made of the other scenarios");
    };
  }

  private static long seededCall(Ids ids, SplittableRandom random) {
    return ids.firstCall() + random.nextLong(ids.calls());
  }
}
