package dev.dialtone.compat;

import static dev.dialtone.testing.Json.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dialtone.testing.Calls;
import dev.dialtone.testing.ManualClock;
import dev.dialtone.testing.TestServer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zendesk.client.v2.Zendesk;
import org.zendesk.client.v2.ZendeskResponseException;
import org.zendesk.client.v2.ZendeskResponseRateLimitException;
import org.zendesk.client.v2.model.Comment;
import org.zendesk.client.v2.model.CommentType;
import org.zendesk.client.v2.model.Organization;
import org.zendesk.client.v2.model.Role;
import org.zendesk.client.v2.model.Status;
import org.zendesk.client.v2.model.Ticket;
import org.zendesk.client.v2.model.User;
import org.zendesk.client.v2.model.comments.VoiceComment;

/**
 * Zendesk's maintained Java client ({@code com.cloudbees.thirdparty:zendesk-java-client}) driving a
 * real Dialtone, used exactly as an integration written for Zendesk uses it: nothing in it knows it
 * is not talking to Zendesk.
 */
class ZendeskJavaClientTest {
  @TempDir Path dataDir;
  private TestServer server;
  private Zendesk zendesk;

  @BeforeEach
  void start() {
    server = TestServer.start(dataDir);
    zendesk = client(server, 100);
  }

  @AfterEach
  void stop() {
    zendesk.close();
    server.close();
  }

  private static Zendesk client(TestServer server, int pageSize) {
    return new Zendesk.Builder("http://127.0.0.1:" + server.port())
        .setUsername(TestServer.ADMIN_EMAIL)
        .setToken(TestServer.ADMIN_TOKEN)
        .setCbpPageSize(pageSize)
        .build();
  }

  /** The README's Java snippet, run as it stands there (ReadmeJavaSnippetTest compares them). */
  @Test
  void readmeSnippetCreatesATicket() {
    String dialtoneUrl = "http://127.0.0.1:" + server.port();
    String email = TestServer.ADMIN_EMAIL;
    String token = TestServer.ADMIN_TOKEN;
    // README:java-client begin
    // Maven: com.cloudbees.thirdparty:zendesk-java-client:1.4.0
    Zendesk zendesk = new Zendesk.Builder(dialtoneUrl).setUsername(email).setToken(token).build();
    User caller = zendesk.createUser(new User("Caller Example", "caller@example.com"));
    Ticket ticket = new Ticket(caller.getId(), "Printer on fire", new Comment("Help!"));
    ticket.setTags(List.of("printer"));
    Ticket created = zendesk.createTicket(ticket);
    // README:java-client end
    try (zendesk) {
      assertThat(zendesk.getTicket(created.getId()).getTags()).containsExactly("printer");
      assertThat(created.getRequesterId()).isEqualTo(caller.getId());
    }
  }

  @Test
  void currentUserIsTheSignedInAdmin() {
    User me = zendesk.getCurrentUser();

    assertThat(me.getEmail()).isEqualTo(TestServer.ADMIN_EMAIL);
    assertThat(me.getRole()).isEqualTo(Role.ADMIN);
    assertThat(me.getId()).isPositive();
    assertThat(zendesk.getUser(me.getId()).getEmail()).isEqualTo(TestServer.ADMIN_EMAIL);
  }

  @Test
  void usersAreCreatedReadUpdatedLookedUpAndDeleted() {
    User caller = new User("Caller Example", "caller@example.com");
    caller.setPhone("+15135557611");
    caller.setRole(Role.END_USER);

    User created = zendesk.createUser(caller);
    assertThat(created.getId()).isPositive();
    assertThat(created.getName()).isEqualTo("Caller Example");
    assertThat(created.getRole()).isEqualTo(Role.END_USER);

    User read = zendesk.getUser(created.getId());
    assertThat(read.getEmail()).isEqualTo("caller@example.com");
    assertThat(read.getPhone()).isEqualTo("+15135557611");

    User rename = new User();
    rename.setId(created.getId());
    rename.setName("Caller Renamed");
    assertThat(zendesk.updateUser(rename).getName()).isEqualTo("Caller Renamed");
    assertThat(zendesk.getUser(created.getId()).getName()).isEqualTo("Caller Renamed");

    assertThat(names(zendesk.lookupUserByEmail("caller@example.com")))
        .containsExactly("Caller Renamed");
    assertThat(names(zendesk.getSearchResults(User.class, "phone:+15135557611")))
        .containsExactly("Caller Renamed");

    zendesk.deleteUser(created.getId());
    assertThat(zendesk.getUser(created.getId()).getActive()).isFalse();
    assertThat(names(zendesk.getUsers())).doesNotContain("Caller Renamed");
  }

  @Test
  void organizationsAreCreatedReadUpdatedListedAndDeleted() {
    Organization acme = new Organization();
    acme.setName("Acme");

    Organization created = zendesk.createOrganization(acme);
    assertThat(created.getId()).isPositive();
    assertThat(created.getName()).isEqualTo("Acme");

    assertThat(zendesk.getOrganization(created.getId()).getName()).isEqualTo("Acme");
    Organization read = zendesk.getOrganization(created.getId());
    read.setName("Acme Corporation");
    read.setExternalId("crm-1");
    Organization updated = zendesk.updateOrganization(read);
    assertThat(updated).isNotNull();
    assertThat(updated.getName()).isEqualTo("Acme Corporation");
    assertThat(zendesk.getOrganization(created.getId()).getExternalId()).isEqualTo("crm-1");
    assertThat(StreamSupport.stream(zendesk.getOrganizations().spliterator(), false))
        .extracting(Organization::getName)
        .contains("Acme Corporation");

    zendesk.deleteOrganization(created.getId());
    assertThat(zendesk.getOrganization(created.getId())).isNull();
  }

  @Test
  void ticketsAreCreatedReadAndUpdatedWithTagsAndComments() {
    long requester = zendesk.createUser(new User("Requester Example", "req@example.com")).getId();
    Ticket ticket = new Ticket(requester, "Printer on fire", new Comment("It is on fire."));
    ticket.setTags(List.of("printer", "urgent"));

    Ticket created = zendesk.createTicket(ticket);
    assertThat(created.getId()).isPositive();
    assertThat(created.getSubject()).isEqualTo("Printer on fire");
    assertThat(created.getRequesterId()).isEqualTo(requester);
    assertThat(created.getTags()).containsExactlyInAnyOrder("printer", "urgent");

    Ticket read = zendesk.getTicket(created.getId());
    assertThat(read.getSubject()).isEqualTo("Printer on fire");
    assertThat(read.getStatus()).isEqualTo(Status.NEW);

    Ticket change = new Ticket();
    change.setId(created.getId());
    change.setStatus(Status.PENDING);
    change.setTags(List.of("printer", "waiting"));
    change.setComment(new Comment("We sent an engineer."));
    Ticket updated = zendesk.updateTicket(change);
    assertThat(updated.getStatus()).isEqualTo(Status.PENDING);
    assertThat(updated.getTags()).containsExactlyInAnyOrder("printer", "waiting");

    zendesk.createComment(created.getId(), new Comment("The fire is out."));

    List<Comment> comments = list(zendesk.getTicketComments(created.getId()));
    assertThat(comments)
        .extracting(Comment::getBody)
        .containsExactly("It is on fire.", "We sent an engineer.", "The fire is out.");
    assertThat(comments).extracting(Comment::getType).containsOnly(CommentType.COMMENT);
  }

  @Test
  void theTalkPartnerVoiceCommentIsReadAsAVoiceCommentWithItsData() {
    String call =
        json(
            "{'call': {"
                + Calls.MINIMAL_FIELDS
                + ", 'call_ended_at': '2022-01-27T14:37:25Z', 'duration': 345,"
                + " 'recording_url': 'https://recordings.example.com/345.mp3'},"
                + " 'comment': {'title': 'Call from a caller',"
                + " 'call_fields': ['from_line', 'to_line', 'duration']}}");
    long callId = Calls.create(server.admin(), call);
    long ticketId = Calls.get(server.admin(), callId).get("ticket_id").asLong();

    List<Comment> comments = list(zendesk.getTicketComments(ticketId));

    assertThat(comments).hasSize(1);
    assertThat(comments.get(0)).isInstanceOf(VoiceComment.class);
    VoiceComment voice = (VoiceComment) comments.get(0);
    assertThat(voice.getType()).isEqualTo(CommentType.TPE_VOICE_COMMENT);
    // The client models the data of Zendesk Talk's own voice comments (from, to, call_duration,
    // started_at); a Talk Partner Edition comment's data names the call fields instead
    // (from_line, to_line, duration), as Zendesk's does, so of the client's getters only the
    // recording, which both carry, has a value.
    assertThat(voice.getData().getRecordingUrl())
        .isEqualTo("https://recordings.example.com/345.mp3");
    assertThat(voice.getBody()).startsWith("Call from a caller").contains("Duration: 345");
    assertThat(voice.isPublic()).isFalse();
  }

  @Test
  void cursorWalksVisitEveryTicketAndUserOnce() {
    long requester = zendesk.createUser(new User("Walker", "walker@example.com")).getId();
    List<Long> made = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      made.add(
          zendesk
              .createTicket(new Ticket(requester, "Ticket " + i, new Comment("Body " + i)))
              .getId());
    }
    for (int i = 0; i < 4; i++) {
      zendesk.createUser(new User("User " + i, "user" + i + "@example.com"));
    }

    try (Zendesk paged = client(server, 2)) {
      assertThat(list(paged.getTickets()))
          .extracting(Ticket::getId)
          .containsExactlyElementsOf(made);
      assertThat(names(paged.getUsers()))
          .hasSize(6)
          .doesNotHaveDuplicates()
          .contains("Walker", "User 0", "User 3");
    }
  }

  @Test
  void offsetWalksFollowNextPage() {
    long requester = zendesk.createUser(new User("Talker", "talker@example.com")).getId();
    long ticket = zendesk.createTicket(new Ticket(requester, "Long", new Comment("0"))).getId();
    // The comments list is offset-paged with 100 a page when no page[size] is asked for.
    for (int i = 1; i <= 100; i++) {
      zendesk.createComment(ticket, new Comment(Integer.toString(i)));
    }

    List<Comment> comments = list(zendesk.getTicketComments(ticket));

    assertThat(comments)
        .extracting(Comment::getBody)
        .hasSize(101)
        .startsWith("0", "1")
        .endsWith("100");
  }

  @Test
  void aMissingRecordIsNullWhereTheClientSaysSoAndAnExceptionElsewhere() {
    assertThat(zendesk.getTicket(999_999_999L)).isNull();
    assertThat(zendesk.getUser(999_999_999L)).isNull();

    ZendeskResponseException delete =
        catchThrowableOfType(
            ZendeskResponseException.class, () -> zendesk.deleteTicket(999_999_999L));
    assertThat(delete.getStatusCode()).isEqualTo(404);
    assertThat(delete.getBody()).contains("\"error\":\"RecordNotFound\"");
  }

  @Test
  void anInvalidRecordIsAResponseExceptionWithTheDetails() {
    Ticket noComment = new Ticket();
    noComment.setSubject("No comment");

    ZendeskResponseException invalid =
        catchThrowableOfType(ZendeskResponseException.class, () -> zendesk.createTicket(noComment));

    assertThat(invalid).isNotInstanceOf(ZendeskResponseRateLimitException.class);
    assertThat(invalid.getStatusCode()).isEqualTo(422);
    assertThat(invalid.getBody()).contains("\"error\":\"RecordInvalid\"");
  }

  @Test
  void overTheRateLimitIsARateLimitExceptionWithRetryAfter(@TempDir Path limitedDir) {
    // A clock that stands still keeps the four requests in one window.
    ManualClock clock = new ManualClock(Instant.parse("2026-01-05T10:00:20Z"));
    try (TestServer limited =
            TestServer.start(limitedDir, clock, config -> config.withRateLimits(3, 3));
        Zendesk client = client(limited, 100)) {
      for (int i = 0; i < 3; i++) {
        assertThat(client.getCurrentUser()).isNotNull();
      }

      ZendeskResponseRateLimitException limit =
          catchThrowableOfType(ZendeskResponseRateLimitException.class, client::getCurrentUser);

      assertThat(limit.getStatusCode()).isEqualTo(429);
      assertThat(limit.getBody()).contains("\"error\":\"TooManyRequests\"");
      assertThat(limit.getRetryAfter()).isEqualTo(40L);
    }
  }

  private static <T> List<T> list(Iterable<T> items) {
    List<T> all = new ArrayList<>();
    items.forEach(all::add);
    return all;
  }

  private static List<String> names(Iterable<User> users) {
    return list(users).stream().map(User::getName).toList();
  }
}
