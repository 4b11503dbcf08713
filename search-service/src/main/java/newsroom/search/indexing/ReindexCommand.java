package newsroom.search.indexing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar search-service.jar --reindex}: rebuilds the index from the enriched
 * topic and moves the alias, next to the running service, then exits (0 when the alias
 * was moved). It takes the same settings as the service (environment, arguments); its own
 * Kafka listener stays off, and there is no web server.
 */
public final class ReindexCommand {

	/** The argument that selects the command. */
	public static final String ARGUMENT = "--reindex";

	private static final Logger logger = LoggerFactory.getLogger(ReindexCommand.class);

	private ReindexCommand() {
	}

	/**
	 * Whether the command line asks for a reindex.
	 * @param args the command line
	 * @return {@code true} when {@value #ARGUMENT} is among the arguments
	 */
	public static boolean isRequested(String... args) {
		return Arrays.asList(args).contains(ARGUMENT);
	}

	/**
	 * Run a reindex in an application context of its own.
	 * @param application the application class whose configuration to use
	 * @param args the command line, settings as {@code --name=value}
	 * @return the exit code: 0 when the alias was moved, 1 otherwise
	 */
	public static int run(Class<?> application, String... args) {
		List<String> arguments = new ArrayList<>(Arrays.asList(args));
		arguments.remove(ARGUMENT);
		// The running service keeps indexing new articles; this process only replays.
		arguments.add("--spring.kafka.listener.auto-startup=false");
		SpringApplication app = new SpringApplication(application);
		app.setWebApplicationType(WebApplicationType.NONE);
		try (ConfigurableApplicationContext context = app.run(arguments.toArray(String[]::new))) {
			context.getBean(Reindexer.class).reindex();
			return 0;
		}
		catch (Exception ex) {
			logger.error("Reindex failed; the alias was not moved unless the log says so", ex);
			return 1;
		}
	}

}
