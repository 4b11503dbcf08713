package newsroom.web;

import java.util.Map;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A small service for the guards' tests: reads, a write and an admin read under
 * {@code /api}, and a page outside it.
 */
@SpringBootApplication
class GuardedApplication {

	@RestController
	static class Endpoints {

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
