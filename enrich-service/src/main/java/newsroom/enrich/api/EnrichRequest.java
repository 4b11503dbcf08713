package newsroom.enrich.api;

import jakarta.validation.constraints.NotBlank;

/**
 * Body of {@code POST /api/v1/enrich}: an article as ingest takes it; other fields are
 * ignored.
 *
 * @param title the headline
 * @param text the body
 * @param language ISO 639-1 code, or {@code null} to detect it
 */
record EnrichRequest(@NotBlank String title, @NotBlank String text, @IsoLanguageCode String language) {
}
