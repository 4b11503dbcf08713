package newsroom.ingest.feed;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import newsroom.ingest.extract.HtmlArticleExtractor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FeedParserTests {

	private final FeedParser parser = new FeedParser(new HtmlArticleExtractor());

	@Test
	void readsAMessyRss2Feed() throws FeedParseException {
		List<FeedEntry> entries = this.parser.parse(FeedFixtures.read("rss2.xml"), Optional.empty(),
				URI.create("https://harbour.example/feed/"));

		assertThat(entries).hasSize(4);
		FeedEntry wall = entries.get(0);
		assertThat(wall.key()).isEqualTo("harbour-gazette-1001");
		assertThat(wall.title()).isEqualTo("Storm wall repaired ahead of winter");
		assertThat(wall.author()).contains("Mara Lindqvist");
		assertThat(wall.publishedAt()).contains(Instant.parse("2024-11-04T07:15:00Z"));
		assertThat(wall.link()).contains("https://harbour.example/news/storm-wall");
		assertThat(wall.text()).startsWith("Crews finished repairing the storm wall on Sunday")
			.contains("\n\nThe council said the new concrete facing should last thirty years.");
		FeedEntry ferry = entries.get(1);
		assertThat(ferry.title()).isEqualTo("Ferry timetable changes & new night sailing");
		assertThat(ferry.link()).contains("https://harbour.example/news/ferry-timetable");
		assertThat(ferry.publishedAt()).isEmpty();
		assertThat(ferry.text()).isEqualTo("The ferry company adds a late sailing from December…");
		assertThat(entries.get(2).publishedAt()).contains(Instant.parse("2024-11-02T18:00:00Z"));
		FeedEntry empty = entries.get(3);
		assertThat(empty.title()).isEmpty();
		assertThat(empty.text()).isEmpty();
	}

	@Test
	void readsAnRss1FeedInItsDeclaredLatin1() throws FeedParseException {
		List<FeedEntry> entries = this.parser.parse(FeedFixtures.read("rdf.xml"), Optional.of(StandardCharsets.UTF_8),
				URI.create("https://valley.example/rss"));

		assertThat(entries).hasSize(2);
		assertThat(entries.get(0).title()).isEqualTo("Café reopens on the square");
		assertThat(entries.get(0).author()).contains("Renée Dubois");
		assertThat(entries.get(0).text()).contains("the café on the market square");
		assertThat(entries.get(0).publishedAt()).contains(Instant.parse("2024-11-05T08:00:00Z"));
		assertThat(entries.get(1).text())
			.isEqualTo("The footbridge over the river will stay closed until engineers have checked its cables."
					+ "\n\nA detour through the park is signposted.");
		assertThat(entries.get(1).key()).isEqualTo("https://valley.example/2024/11/bridge");
	}

	@Test
	void readsAnAtomFeedWithRelativeLinks() throws FeedParseException {
		List<FeedEntry> entries = this.parser.parse(FeedFixtures.read("atom.xml"), Optional.empty(),
				URI.create("https://hills.example/blog/feed.atom"));

		assertThat(entries).hasSize(3);
		assertThat(entries.get(0).title()).isEqualTo("Snow arrives early on the high pass");
		assertThat(entries.get(0).link()).contains("https://hills.example/blog/posts/snow-early");
		assertThat(entries.get(0).author()).contains("Ola Nordmann");
		assertThat(entries.get(0).publishedAt()).contains(Instant.parse("2024-11-06T06:00:00Z"));
		assertThat(entries.get(0).text()).endsWith("Road crews expect to clear it by Friday.");
		assertThat(entries.get(1).publishedAt()).contains(Instant.parse("2024-11-05T10:00:00Z"));
		assertThat(entries.get(1).text()).isEqualTo("Bookings for the winter season open on Monday.");
		assertThat(entries.get(2).title()).isEmpty();
		assertThat(entries.get(2).text()).startsWith("The valley road reopened");
	}

	@Test
	void trustsValidUtf8OverAWrongDeclaration() {
		byte[] body = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss/> “quoted” é"
			.getBytes(StandardCharsets.UTF_8);

		assertThat(FeedParser.decode(body, Optional.of(StandardCharsets.ISO_8859_1))).endsWith("“quoted” é");
	}

	@Test
	void readsWindows1252WhenTheServerClaimsUtf8() {
		byte[] body = "<rss>“quoted”</rss>".getBytes(Charset.forName("windows-1252"));

		assertThat(FeedParser.decode(body, Optional.of(StandardCharsets.UTF_8))).isEqualTo("<rss>“quoted”</rss>");
	}

	@Test
	void refusesADocumentThatIsNotAFeed() {
		assertThatExceptionOfType(FeedParseException.class)
			.isThrownBy(() -> this.parser.parse("<html><body>Not a feed</body></html>".getBytes(), Optional.empty(),
					URI.create("https://x.example/")));
		assertThatExceptionOfType(FeedParseException.class).isThrownBy(() -> this.parser.parse(
				"<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><rss><channel><title>&x;</title></channel></rss>"
					.getBytes(),
				Optional.empty(), URI.create("https://x.example/")));
	}

}
