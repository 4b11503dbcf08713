package newsroom.bench.pipeline;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.ToIntFunction;

/**
 * The entry of every bench command: {@code --help}, options parsed against the repository
 * root ({@code -Dnewsroom.root}), exit code 2 for options that do not parse, else the
 * run's own exit code. Shared with the chaos and the load commands.
 */
public final class CommandLine {

	private CommandLine() {
	}

	/**
	 * Parse the options and run, then exit.
	 * @param <O> the options
	 * @param args the command line
	 * @param usage what {@code --help} prints
	 * @param parse options from the root and the arguments; an
	 * {@link IllegalArgumentException} says what is wrong
	 * @param run the run, giving the exit code
	 */
	@SuppressWarnings("java:S106")
	public static <O> void main(String[] args, String usage, BiFunction<Path, String[], O> parse,
			ToIntFunction<O> run) {
		Path root = Path.of(System.getProperty("newsroom.root", "")).toAbsolutePath();
		if (List.of(args).contains("--help")) {
			// A command-line tool: standard output is its interface.
			System.out.print(usage);
			return;
		}
		O options;
		try {
			options = parse.apply(root, args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage() + "\n" + usage);
			System.exit(2);
			return;
		}
		System.exit(run.applyAsInt(options));
	}

}
