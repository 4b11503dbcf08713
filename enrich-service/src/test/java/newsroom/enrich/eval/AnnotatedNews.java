package newsroom.enrich.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the annotated news written for Newsroom ({@code training/entities/*.txt}, format
 * in its {@code GUIDELINES.md}): documents that start with {@code ### id | topic}, then a
 * headline line and the body, names marked inline as {@code [PER Maria Lopez]}.
 */
public final class AnnotatedNews {

	/** The folder, from enrich-service's folder. */
	public static final Path FOLDER = Path.of("training", "entities");

	private static final Pattern MARK = Pattern.compile("\\[(PER|ORG|LOC|MISC) ([^\\[\\]]+)\\]");

	private AnnotatedNews() {
	}

	/**
	 * Every document of every {@code .txt} file in the folder, files in name order.
	 * @param folder the folder
	 * @return the documents
	 */
	public static List<LabelledDocument> readFolder(Path folder) {
		try (Stream<Path> files = Files.list(folder)) {
			List<LabelledDocument> documents = new ArrayList<>();
			for (Path file : files.filter((f) -> f.toString().endsWith(".txt")).sorted().toList()) {
				documents.addAll(read(file));
			}
			return documents;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The documents of one file. The headline's names are kept with the body's: the
	 * headline becomes the text's first paragraph, and also the title.
	 * @param file the file
	 * @return the documents
	 */
	public static List<LabelledDocument> read(Path file) {
		List<String> lines;
		try {
			lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<LabelledDocument> documents = new ArrayList<>();
		int i = 0;
		while (i < lines.size()) {
			String line = lines.get(i);
			if (!line.startsWith("###")) {
				i++;
				continue;
			}
			String[] header = line.substring(3).split("\\|");
			String id = header[0].strip();
			String topic = (header.length > 1) ? header[1].strip() : "";
			int end = i + 1;
			while (end < lines.size() && !lines.get(end).startsWith("###")) {
				end++;
			}
			documents.add(document(id, topic, lines.subList(i + 1, end)));
			i = end;
		}
		return documents;
	}

	private static LabelledDocument document(String id, String topic, List<String> lines) {
		String marked = String.join("\n", lines).strip();
		StringBuilder text = new StringBuilder();
		List<LabelledDocument.Name> names = new ArrayList<>();
		Matcher matcher = MARK.matcher(marked);
		int last = 0;
		while (matcher.find()) {
			text.append(marked, last, matcher.start());
			int start = text.length();
			text.append(matcher.group(2));
			names.add(new LabelledDocument.Name(start, text.length(), matcher.group(1)));
			last = matcher.end();
		}
		text.append(marked.substring(last));
		String plain = text.toString();
		int newline = plain.indexOf('\n');
		String title = (newline < 0) ? plain : plain.substring(0, newline).strip();
		return new LabelledDocument(id, topic, title, plain, names);
	}

}
