package newsroom.search.parameter;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import co.elastic.clients.elasticsearch._types.FieldValue;
import newsroom.search.config.SearchProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Turns cursors into opaque, tamper-evident strings and back: the order, the sort values
 * of the last hit and a fingerprint of the search they belong to, as URL-safe Base64
 * JSON, followed by an HMAC-SHA256 over it with the configured secret. Elasticsearch
 * never sees a value a client made up, and a cursor pasted into another search (or
 * another endpoint: the fingerprint names it) is refused instead of silently skipping
 * hits.
 */
@Component
public class CursorCodec {

	private static final String ALGORITHM = "HmacSHA256";

	/** 128 bits of the MAC: ample against forgery, and keeps the cursor short. */
	private static final int MAC_BYTES = 16;

	/** Far longer than any cursor this codec makes; anything longer is refused unread. */
	private static final int MAX_LENGTH = 2048;

	private static final Logger logger = LoggerFactory.getLogger(CursorCodec.class);

	private static final JsonMapper json = JsonMapper.builder().build();

	private final SecretKeySpec key;

	@Autowired
	CursorCodec(SearchProperties properties) {
		this(secret(properties.query().cursorSecret()));
	}

	/**
	 * A codec signing with the given key.
	 * @param secret the HMAC key
	 */
	public CursorCodec(byte[] secret) {
		this.key = new SecretKeySpec(secret, ALGORITHM);
	}

	private static byte[] secret(String configured) {
		if (!configured.isEmpty()) {
			return configured.getBytes(StandardCharsets.UTF_8);
		}
		logger.info("No newsroom.search.query.cursor-secret set: cursors are signed with a random key and "
				+ "do not survive a restart or travel between instances");
		byte[] random = new byte[32];
		new SecureRandom().nextBytes(random);
		return random;
	}

	/**
	 * Sign a cursor for the search with the given fingerprint.
	 * @param order the order of the search
	 * @param after the sort values of the last hit of the page
	 * @param fingerprint the search's {@link #fingerprint(List)}
	 * @return the opaque cursor string
	 */
	public String encode(Order order, List<FieldValue> after, String fingerprint) {
		ObjectNode node = json.createObjectNode();
		node.put("s", order.parameterValue());
		node.put("f", fingerprint);
		ArrayNode values = node.putArray("a");
		for (FieldValue value : after) {
			if (value.isLong()) {
				values.add(value.longValue());
			}
			else if (value.isDouble()) {
				values.add(value.doubleValue());
			}
			else if (value.isString()) {
				values.add(value.stringValue());
			}
			else {
				throw new IllegalArgumentException("Unsupported sort value " + value);
			}
		}
		byte[] payload = json.writeValueAsBytes(node);
		Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
		return base64.encodeToString(payload) + "." + base64.encodeToString(mac(payload));
	}

	/**
	 * Check and read a cursor a client sent back.
	 * @param <O> the orders of the endpoint
	 * @param text the cursor string
	 * @param fingerprint the fingerprint of the search it came with
	 * @param sort the order of that search
	 * @param orders every order of the endpoint
	 * @return the cursor, or why it cannot be used
	 */
	public <O extends Order> Decoded<O> decode(String text, String fingerprint, O sort, List<O> orders) {
		Decoded<O> invalid = Decoded.invalid("is not a cursor from a previous answer's nextCursor");
		int dot = text.lastIndexOf('.');
		if (text.length() > MAX_LENGTH || dot <= 0) {
			return invalid;
		}
		try {
			Base64.Decoder base64 = Base64.getUrlDecoder();
			byte[] payload = base64.decode(text.substring(0, dot));
			byte[] signature = base64.decode(text.substring(dot + 1));
			if (!MessageDigest.isEqual(mac(payload), signature)) {
				return Decoded.invalid("has been altered or was not made by this service");
			}
			JsonNode node = json.readTree(payload);
			String name = node.path("s").asString("");
			O cursorSort = orders.stream()
				.filter((order) -> order.parameterValue().equals(name))
				.findFirst()
				.orElse(null);
			JsonNode values = node.path("a");
			if (cursorSort == null || !values.isArray() || values.size() != cursorSort.sortValueCount()) {
				return invalid;
			}
			if (cursorSort != sort) {
				return Decoded.invalid(
						"was made for sort=" + cursorSort.parameterValue() + ", not sort=" + sort.parameterValue());
			}
			if (!fingerprint.equals(node.path("f").asString(""))) {
				return Decoded.invalid("was made for a different search: keep q and the filters as they were");
			}
			List<FieldValue> after = new ArrayList<>();
			for (JsonNode value : values) {
				if (value.isIntegralNumber()) {
					after.add(FieldValue.of(value.asLong()));
				}
				else if (value.isFloatingPointNumber()) {
					after.add(FieldValue.of(value.asDouble()));
				}
				else if (value.isString()) {
					after.add(FieldValue.of(value.asString()));
				}
				else {
					return invalid;
				}
			}
			return new Decoded<>(cursorSort, after, null);
		}
		catch (IllegalArgumentException | JacksonException ex) {
			return invalid;
		}
	}

	private byte[] mac(byte[] payload) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(this.key);
			return Arrays.copyOf(mac.doFinal(payload), MAC_BYTES);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every Java runtime", ex);
		}
	}

	/**
	 * What makes a search the search it is, page and page size aside, as a short digest:
	 * cursors carry it so that one made for a search is not used for another.
	 * @param parts the endpoint, text, filters and order, {@code null} parts allowed
	 * @return a digest of the parts, URL-safe Base64
	 */
	public static String fingerprint(List<String> parts) {
		String canonical = String.join("\u0000", parts.stream().map(String::valueOf).toList());
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 12));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	/**
	 * Repeatable values in a fingerprint: their order does not make another search.
	 * @param values the values
	 * @return them sorted, as one part
	 */
	public static String unordered(List<String> values) {
		return String.join("\u0001", values.stream().sorted().toList());
	}

	/**
	 * An order a cursor can be made for (the {@code sort} parameter of an endpoint).
	 */
	public interface Order {

		/**
		 * The order's name as the {@code sort} parameter spells it.
		 * @return the name
		 */
		String parameterValue();

		/**
		 * How many sort values each hit carries in this order, and so a cursor for it.
		 * @return the count
		 */
		int sortValueCount();

	}

	/**
	 * A decoded cursor, or why the string is not one.
	 *
	 * @param <O> the orders of the endpoint
	 * @param order the order the cursor was made for, {@code null} when invalid
	 * @param after the sort values of the last hit before the page, empty when invalid
	 * @param problem what is wrong, {@code null} when valid
	 */
	public record Decoded<O extends Order>(O order, List<FieldValue> after, String problem) {

		public Decoded {
			after = (after != null) ? List.copyOf(after) : List.of();
		}

		static <O extends Order> Decoded<O> invalid(String problem) {
			return new Decoded<>(null, List.of(), problem);
		}

	}

}
