package dev.dialtone.console;

import java.util.List;

/** One user's profile: who they are, and their latest tickets and calls. */
public record CallerProfile(
    Shell shell,
    long id,
    String name,
    String email,
    String phone,
    String role,
    String organization,
    boolean suspended,
    List<TicketList.Row> tickets,
    boolean moreTickets,
    String ticketsUrl,
    List<CallList.Row> calls,
    boolean moreCalls,
    String callsUrl) {}
