package io.dealgraph.network;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import io.dealgraph.deal.Deal;
import io.dealgraph.deal.DealQueries;
import io.dealgraph.errors.ApiException;
import io.dealgraph.errors.ErrorCode;
import io.dealgraph.organization.Organization;
import io.dealgraph.organization.OrganizationQueries;
import io.dealgraph.source.DataLicence;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code GET /dump/{file}}: the whole graph at a stable address, as FollowTheMoney JSON
 * lines ({@code dealgraph.ftm.json}), CSV ({@code deals.csv}, the export's columns, which
 * the import reads back) and GraphML ({@code dealgraph.graphml}); {@code GET /dump} lists
 * them. A dump is streamed: organizations, then deals that are not retracted, are read by
 * keyset pages in id order, each page its own statement served by the unique index on
 * {@code id}, and written as they come, so a dump of a million deals holds one page in
 * memory. It counts against the rate limits by its size, as every export does.
 * <p>
 * The pages are read one after another, not in one transaction, so a write made during a
 * dump may or may not be in it; each deal is whole, and every organization a deal names
 * is in the file, written before the deal if it came after its page.
 */
@RestController
class DumpController {

	/** The files of the dump. */
	enum DumpFile {

		FTM("dealgraph.ftm.json", "application/x-ndjson", "FollowTheMoney entities, one JSON object per line"),
		CSV("deals.csv", "text/csv", "every deal, one per row, in the import's columns"),
		GRAPHML("dealgraph.graphml", "application/graphml+xml", "organizations as nodes, deals as edges");

		final String fileName;

		final String mediaType;

		final String description;

		DumpFile(String fileName, String mediaType, String description) {
			this.fileName = fileName;
			this.mediaType = mediaType;
			this.description = description;
		}

	}

	private final OrganizationQueries organizations;

	private final DealQueries deals;

	private final JsonMapper json;

	private final int pageSize;

	DumpController(OrganizationQueries organizations, DealQueries deals, JsonMapper json, DumpSettings settings) {
		if (settings.pageSize() < 1) {
			throw new IllegalStateException("dealgraph.dump.page-size must be 1 or more, not " + settings.pageSize());
		}
		this.organizations = organizations;
		this.deals = deals;
		this.json = json;
		this.pageSize = settings.pageSize();
	}

	@GetMapping("/dump")
	Map<String, Object> files() {
		String base = ServletUriComponentsBuilder.fromCurrentContextPath().path("/dump/").build().toUriString();
		Map<String, Object> index = new LinkedHashMap<>();
		index.put("files",
				List.of(DumpFile.values())
					.stream()
					.map((file) -> Map.of("url", base + file.fileName, "mediaType", file.mediaType, "description",
							file.description))
					.toList());
		index.put("licence", Map.of("name", DataLicence.NAME, "url", DataLicence.URL, "attribution",
				DataLicence.ATTRIBUTION, "notice", DataLicence.NOTICE));
		return index;
	}

	@GetMapping("/dump/{fileName}")
	void dump(@PathVariable String fileName, HttpServletResponse response) throws IOException {
		DumpFile file = List.of(DumpFile.values())
			.stream()
			.filter((candidate) -> candidate.fileName.equals(fileName))
			.findFirst()
			.orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "The dump has no file '" + fileName
					+ "': it has dealgraph.ftm.json, deals.csv and dealgraph.graphml."));
		response.setContentType(file.mediaType + ";charset=UTF-8");
		response.setHeader(HttpHeaders.LINK, DataLicence.LINK_HEADER);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(file.fileName).build().toString());
		try (Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8),
				1 << 16)) {
			switch (file) {
				case FTM -> write(out, (organization) -> FollowTheMoney.line(organization, this.json),
						(deal) -> FollowTheMoney.line(deal, this.json));
				case CSV -> {
					out.write(NetworkExport.CSV_HEADER);
					write(out, null, NetworkExport::csvRow);
				}
				case GRAPHML -> {
					out.write(NetworkExport.GRAPHML_START);
					write(out, NetworkExport::graphmlNode, NetworkExport::graphmlEdge);
					out.write(NetworkExport.GRAPHML_END);
				}
			}
		}
	}

	/**
	 * Writes every organization, when {@code organization} writes them, then every deal,
	 * a page at a time; a party not written yet is written before its deal.
	 */
	private void write(Writer out, @Nullable Function<Organization, String> organization, Function<Deal, String> deal)
			throws IOException {
		Set<String> written = new HashSet<>();
		if (organization != null) {
			List<Organization> page = this.organizations.everyAfter("", this.pageSize);
			while (!page.isEmpty()) {
				for (Organization one : page) {
					written.add(one.id());
					out.write(organization.apply(one));
				}
				page = (page.size() < this.pageSize) ? List.of()
						: this.organizations.everyAfter(page.getLast().id(), this.pageSize);
			}
		}
		List<Deal> page = this.deals.everyAfter("", this.pageSize);
		while (!page.isEmpty()) {
			for (Deal one : page) {
				if (organization != null) {
					for (Organization party : List.of(one.from(), one.to())) {
						if (written.add(party.id())) {
							out.write(organization.apply(party));
						}
					}
				}
				out.write(deal.apply(one));
			}
			page = (page.size() < this.pageSize) ? List.of()
					: this.deals.everyAfter(page.getLast().id(), this.pageSize);
		}
	}

}
