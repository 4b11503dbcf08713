/**
 * Text hygiene: Unicode and whitespace normalisation, removal of page furniture from
 * article bodies, and lenient parsing of timestamps. Pure functions, no I/O.
 */
package newsroom.ingest.clean;
