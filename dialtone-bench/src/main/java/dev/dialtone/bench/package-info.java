/**
 * The performance harness: starts each target (Dialtone on SQLite and on PostgreSQL, WireMock, a
 * bare Javalin handler) in a process of its own, loads it over HTTP from this JVM, and writes the
 * table, the JSON and the chart.
 */
@NullMarked
package dev.dialtone.bench;

import org.jspecify.annotations.NullMarked;
