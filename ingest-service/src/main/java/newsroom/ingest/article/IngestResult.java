package newsroom.ingest.article;

/**
 * The answer to an accepted submission: {@code {"id", "status", "topic"}}.
 *
 * @param id the article id
 * @param status {@code accepted} or {@code duplicate}
 * @param topic the topic the article is on
 */
public record IngestResult(String id, IngestStatus status, String topic) {

}
