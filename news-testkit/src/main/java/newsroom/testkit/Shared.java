package newsroom.testkit;

import java.util.function.Supplier;

/**
 * A server started at most once per JVM; a failed start is remembered so later tests fail
 * fast instead of waiting for the same timeout again.
 */
final class Shared<T> {

	private final String name;

	private final Supplier<T> starter;

	private T server;

	private RuntimeException failure;

	Shared(String name, Supplier<T> starter) {
		this.name = name;
		this.starter = starter;
	}

	synchronized T get() {
		if (this.failure != null) {
			throw new IllegalStateException(this.name + " failed to start earlier in this JVM", this.failure);
		}
		if (this.server == null) {
			try {
				this.server = this.starter.get();
			}
			catch (RuntimeException ex) {
				this.failure = ex;
				throw ex;
			}
		}
		return this.server;
	}

}
