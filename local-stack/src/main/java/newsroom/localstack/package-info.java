/**
 * Runs the whole Newsroom pipeline on one machine on real servers: the README's first
 * command.
 */
package newsroom.localstack;
