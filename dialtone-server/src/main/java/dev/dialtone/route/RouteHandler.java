package dev.dialtone.route;

/**
 * A route's work: a JSON reply ({@link ApiHandler}) or a stream of events ({@link StreamHandler}).
 */
public sealed interface RouteHandler permits ApiHandler, StreamHandler {}
