package io.dealgraph.network;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import io.dealgraph.deal.Deal;
import io.dealgraph.deal.DealQueries;
import io.dealgraph.errors.ApiException;
import io.dealgraph.errors.ErrorCode;
import io.dealgraph.graph.DealType;
import io.dealgraph.source.Confidence;
import io.dealgraph.source.DataLicence;
import io.dealgraph.graph.GlobalId.Interface;
import io.dealgraph.ids.IdArguments;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /export/network}: the same network as the GraphQL {@code network} query,
 * with the same caps, as a file to open in Gephi (GraphML), a spreadsheet (CSV), code
 * (JSON) or Aleph and the other FollowTheMoney tools (FtM JSON lines).
 * <p>
 * The explorer exports what it shows: several {@code around} values give the union of
 * their networks (the nodes it expanded), and {@code deal} ids add single deals with
 * their two parties (the hops of the paths it found).
 */
@RestController
class ExportController {

	/** The export formats. */
	enum Format {

		JSON, CSV, GRAPHML, FTM

	}

	/**
	 * Enough centres and single deals for any view a person builds by clicking; keeps one
	 * request's work bounded.
	 */
	static final int MAX_PARTS = 50;

	private final NetworkQueries queries;

	private final DealQueries deals;

	private final JsonMapper json;

	ExportController(NetworkQueries queries, DealQueries deals, JsonMapper json) {
		this.queries = queries;
		this.deals = deals;
		this.json = json;
	}

	@GetMapping("/export/network")
	ResponseEntity<?> network(@RequestParam(required = false) @Nullable List<String> around,
			@RequestParam(name = "deal", required = false) @Nullable List<String> dealIds,
			@RequestParam(required = false) @Nullable Integer depth,
			@RequestParam(required = false) @Nullable List<DealType> dealTypes,
			@RequestParam(required = false) @Nullable String since,
			@RequestParam(required = false) @Nullable String until,
			@RequestParam(required = false) @Nullable Double minAmountUsd,
			@RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String asOf,
			@RequestParam(required = false) @Nullable Confidence minConfidence,
			@RequestParam(defaultValue = "json") String format) {
		Format chosen = format(format);
		List<String> centres = (around != null) ? around.stream()
			.map((id) -> IdArguments.key(Interface.Organization, "'around'", id))
			.distinct()
			.toList() : List.of();
		List<String> singleDeals = (dealIds != null)
				? dealIds.stream().map((id) -> IdArguments.key(Interface.Deal, "'deal'", id)).distinct().toList()
				: List.of();
		if (centres.size() + singleDeals.size() == 0 || centres.size() + singleDeals.size() > MAX_PARTS) {
			throw ApiException
				.badRequest("Give 1 to " + MAX_PARTS + " 'around' organization ids and 'deal' ids in all.");
		}
		var networks = new ArrayList<Network>();
		var requests = centres.stream()
			.map((centre) -> NetworkRequest.of(centre, depth, dealTypes, since, until, minAmountUsd, limit, asOf,
					minConfidence))
			.toList();
		for (NetworkRequest request : requests) {
			Network network = this.queries.network(request);
			if (network == null) {
				throw new ApiException(ErrorCode.NOT_FOUND, "No organization has the id '" + request.around() + "'.");
			}
			networks.add(network);
		}
		List<Deal> found = this.deals.byIds(singleDeals, false);
		if (found.size() < singleDeals.size()) {
			var missing = new ArrayList<>(singleDeals);
			found.forEach((deal) -> missing.remove(deal.id()));
			throw new ApiException(ErrorCode.NOT_FOUND, "No deal has the id '" + missing.getFirst() + "'.");
		}
		// A deal asked for by id that falls below the evidence threshold is left out, as
		// every read leaves it out: the file never holds what the view would not show.
		found.stream()
			.filter((deal) -> minConfidence == null || minConfidence.andAbove().contains(deal.confidence()))
			.forEach((deal) -> networks.add(new Network(List.of(deal.from(), deal.to()), List.of(deal), false)));
		Network network = Network.union(networks);
		String first = (centres.isEmpty() ? singleDeals : centres).get(0).replaceAll("[^A-Za-z0-9-]", "");
		int parts = centres.size() + singleDeals.size();
		String name = "network-" + first + ((parts > 1) ? "-and-" + (parts - 1) + "-more" : "")
				+ (requests.isEmpty() ? "" : "-depth" + requests.getFirst().depth());
		// Every format names the data's licence in a Link header; JSON and GraphML also
		// inside the file, CSV cannot without breaking the import.
		return switch (chosen) {
			case JSON -> ResponseEntity.ok()
				.contentType(MediaType.APPLICATION_JSON)
				.header(HttpHeaders.LINK, DataLicence.LINK_HEADER)
				.body(NetworkExport.json(network, this.json));
			case CSV -> file(NetworkExport.csv(network), "text/csv", name + ".csv");
			case GRAPHML -> file(NetworkExport.graphml(network), "application/graphml+xml", name + ".graphml");
			case FTM -> file(FollowTheMoney.jsonLines(network, this.json), "application/x-ndjson", name + ".ftm.json");
		};
	}

	private static Format format(String format) {
		try {
			return Format.valueOf(format.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.badRequest("'format' must be json, csv, graphml or ftm, not '" + format + "'.");
		}
	}

	private static ResponseEntity<byte[]> file(String body, String mediaType, String fileName) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(mediaType + ";charset=UTF-8"))
			.header(HttpHeaders.LINK, DataLicence.LINK_HEADER)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(fileName).build().toString())
			.body(body.getBytes(StandardCharsets.UTF_8));
	}

}
