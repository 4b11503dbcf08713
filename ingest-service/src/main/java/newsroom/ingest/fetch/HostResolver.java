package newsroom.ingest.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Looks up the addresses of a host name. The system resolver in production; tests supply
 * their own so that they never query DNS.
 */
@FunctionalInterface
public interface HostResolver {

	/**
	 * The addresses of a name.
	 * @param host a host name (never an IP literal)
	 * @return its addresses, at least one
	 * @throws UnknownHostException when the name does not resolve
	 */
	InetAddress[] resolve(String host) throws UnknownHostException;

	/**
	 * The resolver of the operating system.
	 * @return a resolver using {@link InetAddress#getAllByName(String)}
	 */
	static HostResolver system() {
		return InetAddress::getAllByName;
	}

}
