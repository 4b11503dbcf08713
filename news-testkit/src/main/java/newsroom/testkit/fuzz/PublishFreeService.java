package newsroom.testkit.fuzz;

/**
 * A running service whose HTTP endpoints never publish, under fuzzing: a
 * {@link PublishingService} whose every check is
 * {@link PublishingService#check(String, FuzzRequest) check(endpoint, request)}, so that
 * no topic on the broker may move while a request is answered, nor by the end of the run.
 */
public final class PublishFreeService extends PublishingService {

	/**
	 * Watch a service once the broker is quiet (work other tests left behind is done).
	 * @param port the service's HTTP port on the loopback address
	 * @param bootstrapServers the broker the service uses
	 */
	public PublishFreeService(int port, String bootstrapServers) {
		super(port, bootstrapServers);
	}

}
