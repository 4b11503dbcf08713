package newsroom.search;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's headless Chromium and its driver for the dashboard's browser tests; a test is
 * skipped, with the install command in its message, where they are missing.
 */
final class Chromium {

	static final Path BINARY = Path.of("/usr/bin/chromium");

	static final Path DRIVER = Path.of("/usr/bin/chromedriver");

	private Chromium() {
	}

	/**
	 * Waits of up to 30 s that retry when the page re-rendered an element under them (it
	 * re-renders its lists on every answer).
	 */
	static WebDriverWait waiting(WebDriver driver) {
		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
		wait.ignoring(StaleElementReferenceException.class);
		return wait;
	}

	/**
	 * Click an element as soon as nothing covers it (a side panel still sliding away).
	 */
	static void click(WebDriverWait wait, By element) {
		wait.ignoring(ElementClickInterceptedException.class).until((driver) -> {
			driver.findElement(element).click();
			return true;
		});
	}

	static void assumeInstalled() {
		assumeTrue(Files.isExecutable(BINARY) && Files.isExecutable(DRIVER),
				"Skipped: headless Chromium is not installed (" + BINARY + ", " + DRIVER
						+ "); install Debian's packages with: apt-get install -y chromium chromium-driver");
	}

	static ChromeDriver start(Path profile) {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(BINARY.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1440,1200", "--lang=en-US");
		// The driver is given, so Selenium Manager never looks for (or downloads) one.
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().window().setSize(new Dimension(1440, 1200));
		return driver;
	}

}
