package newsroom.ingest.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Turns markup into paragraphs of plain text the way a reader sees them: every block
 * element (and a line break) ends a paragraph, inline elements flow into the text around
 * them, white space collapses.
 */
final class BlockText {

	static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "header", "footer", "main", "aside",
			"nav", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "table",
			"thead", "tbody", "tr", "td", "th", "figure", "figcaption", "address", "hr", "br", "form", "fieldset",
			"details", "summary", "center");

	private BlockText() {
	}

	/**
	 * The paragraphs of an element.
	 * @param root the element
	 * @return its non-blank paragraphs in document order
	 */
	static List<String> paragraphs(Element root) {
		return segments(root).stream().map(Segment::text).toList();
	}

	/**
	 * The paragraphs of an element with how much of each is link text.
	 * @param root the element
	 * @return its non-blank paragraphs in document order
	 */
	static List<Segment> segments(Element root) {
		Collector collector = new Collector();
		NodeTraversor.traverse(collector, root);
		collector.flush();
		return collector.paragraphs;
	}

	/**
	 * One paragraph.
	 *
	 * @param text its text
	 * @param linkCharacters how many of its characters are inside links
	 */
	record Segment(String text, int linkCharacters) {

		double linkDensity() {
			return this.text.isEmpty() ? 0 : Math.min(1.0, this.linkCharacters / (double) this.text.length());
		}

	}

	private static final class Collector implements NodeVisitor {

		private final List<Segment> paragraphs = new ArrayList<>();

		private final StringBuilder current = new StringBuilder();

		private int linkDepth;

		private int linkCharacters;

		@Override
		public void head(Node node, int depth) {
			if (node instanceof TextNode text) {
				append(text.getWholeText());
			}
			else if (node instanceof Element element) {
				if (BLOCKS.contains(element.normalName())) {
					flush();
				}
				if (element.normalName().equals("a")) {
					this.linkDepth++;
				}
			}
		}

		@Override
		public void tail(Node node, int depth) {
			if (node instanceof Element element) {
				if (element.normalName().equals("a")) {
					this.linkDepth--;
				}
				if (BLOCKS.contains(element.normalName())) {
					flush();
				}
			}
		}

		private void append(String text) {
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				boolean space = Character.isWhitespace(c) || c == '\u00A0';
				if (space) {
					if (!this.current.isEmpty() && this.current.charAt(this.current.length() - 1) != ' ') {
						this.current.append(' ');
					}
				}
				else {
					this.current.append(c);
					if (this.linkDepth > 0) {
						this.linkCharacters++;
					}
				}
			}
		}

		void flush() {
			String paragraph = this.current.toString().strip();
			if (!paragraph.isEmpty()) {
				this.paragraphs.add(new Segment(paragraph, this.linkCharacters));
			}
			this.current.setLength(0);
			this.linkCharacters = 0;
		}

	}

}
