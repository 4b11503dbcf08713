/**
 * The pipeline a bench command starts for itself on free loopback ports with empty data,
 * and what it reads back afterwards: the topics record by record, the index id by id.
 * Shared by the chaos run ({@code bench/chaos}) and the load run ({@code bench/load}).
 */
package newsroom.bench.stack;
