package io.dealgraph.reconcile;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.dealgraph.errors.ApiException;
import io.dealgraph.errors.ErrorCode;
import io.dealgraph.graph.OrganizationKind;
import io.dealgraph.organization.Organization;
import io.dealgraph.organization.OrganizationQueries;
import io.dealgraph.source.DataLicence;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.HtmlUtils;

/**
 * {@code /reconcile}: the W3C Reconciliation Service API, version 0.2, for OpenRefine and
 * the other tools journalists match spreadsheets of names with. {@code GET} without
 * {@code queries} answers the manifest; {@code queries}, posted as a form (what
 * OpenRefine sends) or in the query string, answers a batch ({@link Reconciliation}).
 * Suggest and preview are called from the browser, so every endpoint allows any origin
 * (CORS), as the specification requires.
 */
@RestController
@CrossOrigin(origins = "*")
@RequestMapping("/reconcile")
class ReconcileController {

	/** The preview's frame in OpenRefine, in pixels. */
	static final int PREVIEW_WIDTH = 400;

	static final int PREVIEW_HEIGHT = 160;

	/** The preview is framed by OpenRefine's page, from another origin. */
	static final String PREVIEW_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors *";

	private final Reconciliation reconciliation;

	private final OrganizationQueries organizations;

	private final JsonMapper json;

	ReconcileController(Reconciliation reconciliation, OrganizationQueries organizations, JsonMapper json) {
		this.reconciliation = reconciliation;
		this.organizations = organizations;
		this.json = json;
	}

	@GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> manifestOrBatch(@RequestParam(required = false) @Nullable String queries) {
		return (queries != null) ? batch(queries) : manifest();
	}

	@PostMapping(consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> reconcile(@RequestParam String queries) {
		return batch(queries);
	}

	@GetMapping(path = "/suggest/entity", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> suggestEntities(@RequestParam String prefix, @RequestParam(defaultValue = "0") int cursor) {
		if (cursor < 0) {
			throw ApiException.badRequest("'cursor' must be 0 or more, not " + cursor + ".");
		}
		return Map.of("result", this.reconciliation.suggestEntities(prefix, cursor));
	}

	@GetMapping(path = "/suggest/type", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> suggestTypes(@RequestParam String prefix) {
		return Map.of("result", Reconciliation.suggestTypes(prefix));
	}

	@GetMapping(path = "/suggest/property", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> suggestProperties(@RequestParam String prefix) {
		return Map.of("result", Reconciliation.suggestProperties(prefix));
	}

	/** A small HTML page of the organization, for OpenRefine's preview frame. */
	@GetMapping(path = "/preview", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> preview(@RequestParam String id) {
		Organization organization = this.organizations.byId(id)
			.orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND,
					"No organization has the id '" + HtmlUtils.htmlEscape(id) + "'."));
		String aliases = organization.aliases().isEmpty() ? ""
				: "<p>Also: " + HtmlUtils.htmlEscape(String.join(", ", organization.aliases())) + "</p>";
		String name = HtmlUtils.htmlEscape(organization.name());
		String page = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + name + "</title>\n"
				+ "<style>body{font:14px/1.4 system-ui,sans-serif;margin:8px}h1{font-size:16px;margin:0 0 4px}"
				+ "p{margin:0 0 4px}</style>\n</head><body><h1>" + name + "</h1><p>"
				+ HtmlUtils.htmlEscape(Reconciliation.description(organization)) + "</p>" + aliases + "<p><small>"
				+ HtmlUtils.htmlEscape(organization.key() + " · data " + DataLicence.NAME)
				+ "</small></p></body></html>\n";
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
			.header("Content-Security-Policy", PREVIEW_SECURITY_POLICY)
			.header(HttpHeaders.LINK, DataLicence.LINK_HEADER)
			.body(page);
	}

	private Map<String, Object> batch(String queries) {
		JsonNode batch;
		try {
			batch = this.json.readTree(queries);
		}
		catch (JacksonException ex) {
			throw ApiException.badRequest("'queries' is not JSON: " + ex.getOriginalMessage());
		}
		return this.reconciliation.reconcile(batch);
	}

	/**
	 * What the service is, at the address it was asked at: its types (the organization
	 * kinds), where to view an entity (its citable page), its preview and suggest
	 * services.
	 */
	private Map<String, Object> manifest() {
		String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
		Map<String, Object> manifest = new LinkedHashMap<>();
		manifest.put("versions", List.of("0.2"));
		manifest.put("name", "Dealgraph organizations");
		manifest.put("identifierSpace", base + "/reconcile/organization/");
		manifest.put("schemaSpace", base + "/reconcile/kind/");
		manifest.put("defaultTypes", List.of(OrganizationKind.values()).stream().map(Reconciliation::type).toList());
		manifest.put("view", Map.of("url", base + "/org/{{id}}"));
		manifest.put("preview",
				Map.of("url", base + "/reconcile/preview?id={{id}}", "width", PREVIEW_WIDTH, "height", PREVIEW_HEIGHT));
		manifest.put("suggest", Map.of("entity", service(base, "/reconcile/suggest/entity"), "type",
				service(base, "/reconcile/suggest/type"), "property", service(base, "/reconcile/suggest/property")));
		manifest.put("batchSize", Reconciliation.BATCH_SIZE);
		return manifest;
	}

	private static Map<String, String> service(String base, String path) {
		return Map.of("service_url", base, "service_path", path);
	}

}
