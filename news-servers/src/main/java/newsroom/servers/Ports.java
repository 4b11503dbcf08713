package newsroom.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Free-port checks on the loopback address every embedded server listens on. Public for
 * whoever starts more servers beside them (the chaos command's services).
 */
public final class Ports {

	/** The loopback address every server listens on. */
	public static final String HOST = "127.0.0.1";

	private Ports() {
	}

	/**
	 * A port nobody listens on right now; someone may take it before the caller binds it.
	 * @return a free port on {@link #HOST}
	 */
	public static int free() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No free port on " + HOST, ex);
		}
	}

	static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(HOST))) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
