package newsroom.web;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A small service for the guards' tests: reads, a write and an admin read under
 * {@code /api}, a read that stays open until the test lets it go, and a page outside it.
 */
@SpringBootApplication
class GuardedApplication {

	@Bean
	Gate gate() {
		return new Gate();
	}

	/**
	 * Holds {@code /api/held} requests open until released, so that a test knows how many
	 * are in the service.
	 */
	static final class Gate {

		private final Semaphore entered = new Semaphore(0);

		private final CountDownLatch release = new CountDownLatch(1);

		void pass() throws InterruptedException {
			this.entered.release();
			if (!this.release.await(30, TimeUnit.SECONDS)) {
				throw new IllegalStateException("Never released");
			}
		}

		boolean awaitEntered(int requests) throws InterruptedException {
			return this.entered.tryAcquire(requests, 30, TimeUnit.SECONDS);
		}

		void open() {
			this.release.countDown();
		}

	}

	@RestController
	static class Endpoints {

		private final Gate gate;

		Endpoints(Gate gate) {
			this.gate = gate;
		}

		@GetMapping("/api/held")
		Map<String, Object> held() throws InterruptedException {
			this.gate.pass();
			return Map.of("held", true);
		}

		@GetMapping("/api/items")
		Map<String, Object> items() {
			return Map.of("items", 0);
		}

		@PostMapping("/api/items")
		ResponseEntity<Map<String, Object>> add(@RequestBody(required = false) String body) {
			return ResponseEntity.status(201).body(Map.of("added", true));
		}

		@DeleteMapping("/api/items/{id}")
		ResponseEntity<Void> remove() {
			return ResponseEntity.noContent().build();
		}

		@GetMapping("/api/admin/state")
		Map<String, Object> state() {
			return Map.of("state", "ok");
		}

		@GetMapping("/page")
		String page() {
			return "page";
		}

		@GetMapping("/api/fail")
		String fail() {
			throw new IllegalStateException("failed on purpose");
		}

	}

}
