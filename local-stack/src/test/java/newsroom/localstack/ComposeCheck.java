package newsroom.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.Yaml;

/**
 * Checks {@code docker-compose.yml} without a Docker engine: what
 * {@code docker compose up} would only reveal at run time (a missing Dockerfile, a
 * service without a health check, a setting that no service reads, a port that disagrees
 * with the README).
 */
final class ComposeCheck {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:([^}]*))?");

	/** A variable compose reads; {@code $$} escapes one for the container's shell. */
	private static final Pattern COMPOSE_VARIABLE = Pattern.compile("(?<!\\$)\\$\\{([A-Z][A-Z0-9_]*)");

	/** A setting in {@code .env.example}, commented out or not. */
	private static final Pattern ENV_LINE = Pattern.compile("(?m)^#?([A-Z][A-Z0-9_]*)=");

	private static final Pattern README_PORT = Pattern.compile("^\\| (\\S+) \\| 127\\.0\\.0\\.1:(\\d+) \\|");

	/**
	 * Spring Boot's own settings that every service reads without naming them in
	 * application.yml.
	 */
	private static final Set<String> BOOT_SETTINGS = Set.of("SERVER_ADDRESS", "SERVER_PORT",
			"LOGGING_STRUCTURED_FORMAT_CONSOLE", "JAVA_TOOL_OPTIONS");

	private final Path root;

	ComposeCheck(Path root) {
		this.root = root;
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> load(Path composeFile) {
		try {
			return new Yaml().load(Files.readString(composeFile));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Everything wrong with a compose model, one sentence per problem.
	 * @param compose the parsed compose file (merge keys resolved)
	 * @return the problems, empty when the file is sound
	 */
	@SuppressWarnings("unchecked")
	List<String> problems(Map<String, Object> compose) {
		List<String> problems = new ArrayList<>();
		Map<String, Object> services = (Map<String, Object>) compose.getOrDefault("services", Map.of());
		Map<String, Integer> readmePorts = readmePorts();
		for (Map.Entry<String, Object> entry : services.entrySet()) {
			String name = entry.getKey();
			Map<String, Object> service = (Map<String, Object>) entry.getValue();
			checkImage(name, service, problems);
			if (!service.containsKey("healthcheck")) {
				problems.add(name + " has no health check");
			}
			checkDependencies(name, service, services, problems);
			checkSecrets(name, service, problems);
			checkPorts(name, service, readmePorts, problems);
			Path module = this.root.resolve(name);
			if (Files.isRegularFile(module.resolve("src/main/resources/application.yml"))) {
				checkEnvironment(name, environment(service), module.resolve("src/main/resources/application.yml"),
						problems);
			}
		}
		readmePorts.keySet()
			.stream()
			.filter((process) -> process.endsWith("-service") && !services.containsKey(process))
			.forEach((process) -> problems.add("the README lists " + process + " but compose has no such service"));
		return problems;
	}

	@SuppressWarnings("unchecked")
	private void checkImage(String name, Map<String, Object> service, List<String> problems) {
		Object build = service.get("build");
		if (build instanceof Map<?, ?> raw) {
			Map<String, Object> map = (Map<String, Object>) raw;
			Path context = this.root.resolve(String.valueOf(map.getOrDefault("context", ".")));
			Path dockerfile = context.resolve(String.valueOf(map.getOrDefault("dockerfile", "Dockerfile")));
			if (!Files.isRegularFile(dockerfile)) {
				problems.add(name + " builds from " + dockerfile + ", which does not exist");
			}
			Object args = map.get("args");
			if (args instanceof Map<?, ?> buildArgs && buildArgs.get("SERVICE") != null
					&& !Files.isDirectory(context.resolve(String.valueOf(buildArgs.get("SERVICE"))))) {
				problems.add(name + " builds module " + buildArgs.get("SERVICE") + ", which does not exist");
			}
		}
		else {
			String image = String.valueOf(service.get("image"));
			int colon = image.lastIndexOf(':');
			if (service.get("image") == null || colon < 0 || image.endsWith(":latest")) {
				problems.add(name + " must use a pinned image tag, not '" + image + "'");
			}
		}
	}

	/**
	 * Passwords come from {@code .env}, never from the compose file, and Elasticsearch
	 * never runs open.
	 */
	private void checkSecrets(String name, Map<String, Object> service, List<String> problems) {
		environment(service).forEach((variable, value) -> {
			if (variable.contains("PASSWORD") && !value.isEmpty() && !value.startsWith("${")) {
				problems.add(name + " sets " + variable + " in the compose file; take it from .env");
			}
		});
		if (String.valueOf(service.get("image")).startsWith("docker.elastic.co/elasticsearch/")
				&& !service.containsKey("command")
				&& !"true".equals(environment(service).get("xpack.security.enabled"))) {
			problems.add(name + " runs Elasticsearch without xpack.security.enabled=true");
		}
	}

	/**
	 * Every variable the compose file reads is listed in {@code .env.example}, where
	 * operators look for them, and {@code .env} (with the passwords) is kept out of Git.
	 * @param composeText the compose file as text
	 * @return the problems, empty when all is listed
	 */
	List<String> envFileProblems(String composeText) {
		String example = read(this.root.resolve(".env.example"));
		Set<String> listed = new LinkedHashSet<>();
		Matcher lines = ENV_LINE.matcher(example);
		while (lines.find()) {
			listed.add(lines.group(1));
		}
		List<String> problems = new ArrayList<>();
		Set<String> used = new LinkedHashSet<>();
		Matcher variables = COMPOSE_VARIABLE.matcher(composeText);
		while (variables.find()) {
			used.add(variables.group(1));
		}
		used.stream()
			.filter((variable) -> !listed.contains(variable))
			.forEach((variable) -> problems
				.add("docker-compose.yml reads " + variable + ", which .env.example does not list"));
		if (read(this.root.resolve(".gitignore")).lines().noneMatch(".env"::equals)) {
			problems.add(".gitignore does not keep .env out of Git");
		}
		return problems;
	}

	@SuppressWarnings("unchecked")
	private void checkDependencies(String name, Map<String, Object> service, Map<String, Object> services,
			List<String> problems) {
		Object dependsOn = service.get("depends_on");
		if (dependsOn instanceof List<?>) {
			problems.add(name + " depends_on must name a condition (service_healthy) for each dependency");
			return;
		}
		if (dependsOn instanceof Map<?, ?> map) {
			map.forEach((dependency, value) -> {
				Object condition = (value instanceof Map<?, ?> options) ? options.get("condition") : null;
				if (!services.containsKey(dependency)) {
					problems.add(name + " depends on " + dependency + ", which is not a service");
				}
				else if (!"service_healthy".equals(condition) && !"service_completed_successfully".equals(condition)) {
					problems.add(name + " depends on " + dependency + " without condition service_healthy");
				}
			});
		}
	}

	@SuppressWarnings("unchecked")
	private void checkPorts(String name, Map<String, Object> service, Map<String, Integer> readmePorts,
			List<String> problems) {
		List<Object> ports = (List<Object>) service.getOrDefault("ports", List.of());
		for (Object port : ports) {
			String mapping = String.valueOf(port);
			if (!mapping.startsWith("127.0.0.1:")) {
				problems.add(name + " publishes " + mapping + " beyond 127.0.0.1");
			}
		}
		Integer documented = readmePorts.get(name);
		if (documented == null) {
			return;
		}
		boolean published = ports.stream()
			.map(String::valueOf)
			.anyMatch((mapping) -> mapping.endsWith(":" + documented));
		if (!published) {
			problems.add(name + " does not publish port " + documented + " that the README gives");
		}
		Object serverPort = environment(service).get("SERVER_PORT");
		if (serverPort != null && !String.valueOf(documented).equals(String.valueOf(serverPort))) {
			problems.add(name + " listens on " + serverPort + " but the README gives " + documented);
		}
	}

	private void checkEnvironment(String name, Map<String, String> environment, Path applicationYml,
			List<String> problems) {
		String yml = read(applicationYml);
		Set<String> readable = new LinkedHashSet<>(BOOT_SETTINGS);
		Matcher placeholders = PLACEHOLDER.matcher(yml);
		while (placeholders.find()) {
			String variable = placeholders.group(1);
			String fallback = placeholders.group(3);
			readable.add(variable);
			boolean local = fallback != null && fallback.contains("127.0.0.1");
			if ((fallback == null || local) && !environment.containsKey(variable) && !"HOSTNAME".equals(variable)) {
				problems.add(name + " needs " + variable + " (its default "
						+ ((fallback != null) ? "'" + fallback + "' only works outside a container" : "is missing")
						+ ")");
			}
		}
		relaxedNames(yml).forEach(readable::add);
		environment.keySet()
			.stream()
			.filter((variable) -> !readable.contains(variable))
			.forEach((variable) -> problems.add(name + " sets " + variable + ", which the service does not read"));
	}

	/**
	 * The environment-variable forms of every property in an application.yml: Spring's
	 * relaxed binding reads {@code a.max-size} from {@code A_MAXSIZE} and from
	 * {@code A_MAX_SIZE}.
	 */
	private static List<String> relaxedNames(String yml) {
		List<String> keys = new ArrayList<>();
		flatten("", new Yaml().load(yml), keys);
		List<String> names = new ArrayList<>();
		for (String key : keys) {
			names.add(key.replace("-", "").replace('.', '_').toUpperCase(Locale.ROOT));
			names.add(key.replace('-', '_').replace('.', '_').toUpperCase(Locale.ROOT));
		}
		return names;
	}

	@SuppressWarnings("unchecked")
	private static void flatten(String prefix, Object node, List<String> keys) {
		if (node instanceof Map<?, ?> map) {
			map.forEach(
					(key, value) -> flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, value, keys));
		}
		else {
			keys.add(prefix);
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, String> environment(Map<String, Object> service) {
		Map<String, String> environment = new LinkedHashMap<>();
		Object declared = service.get("environment");
		if (declared instanceof Map<?, ?> map) {
			map.forEach((key, value) -> environment.put(String.valueOf(key), String.valueOf(value)));
		}
		else if (declared instanceof List<?> list) {
			list.forEach((item) -> {
				String[] pair = String.valueOf(item).split("=", 2);
				environment.put(pair[0], (pair.length > 1) ? pair[1] : "");
			});
		}
		return environment;
	}

	private Map<String, Integer> readmePorts() {
		Map<String, Integer> ports = new LinkedHashMap<>();
		for (String line : read(this.root.resolve("README.md")).lines().toList()) {
			Matcher matcher = README_PORT.matcher(line);
			if (matcher.find()) {
				ports.put(matcher.group(1), Integer.parseInt(matcher.group(2)));
			}
		}
		return ports;
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
