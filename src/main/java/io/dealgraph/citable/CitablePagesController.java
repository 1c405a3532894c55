package io.dealgraph.citable;

import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.dealgraph.errors.ApiException;
import io.dealgraph.source.DataLicence;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The citable pages: {@code /org/{key}}, {@code /deal/{key}} and {@code /site/{key}},
 * plain HTML rendered here, with no script, so an article can link to what it cites and a
 * reader can check it in any browser. {@code ?version=N} shows a page as it stood after
 * change N of the audit log, so the link keeps showing what was cited after a correction.
 * A refusal is a page too, with its status and stable code.
 */
@Controller
class CitablePagesController {

	private static final String PAGE = "citable/page";

	private final CitablePages pages;

	CitablePagesController(CitablePages pages) {
		this.pages = pages;
	}

	@GetMapping(path = "/org/{key}", produces = MediaType.TEXT_HTML_VALUE)
	ModelAndView organization(@PathVariable String key, @RequestParam(required = false) @Nullable String version,
			HttpServletResponse response) {
		CitablePages.Asked asked = this.pages.asked(version);
		String mergedInto = this.pages.mergedInto(key);
		if (mergedInto != null) {
			// An organization merged into another lives on as the one that kept it.
			var target = UriComponentsBuilder.fromPath("/org/{key}")
				.queryParamIfPresent("version", Optional.ofNullable(asked.version()));
			var redirect = new RedirectView(target.buildAndExpand(mergedInto).encode().toUriString());
			redirect.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
			return new ModelAndView(redirect);
		}
		return page(this.pages.organization(key, asked), response);
	}

	@GetMapping(path = "/deal/{key}", produces = MediaType.TEXT_HTML_VALUE)
	ModelAndView deal(@PathVariable String key, @RequestParam(required = false) @Nullable String version,
			HttpServletResponse response) {
		return page(this.pages.deal(key, this.pages.asked(version)), response);
	}

	@GetMapping(path = "/site/{key}", produces = MediaType.TEXT_HTML_VALUE)
	ModelAndView site(@PathVariable String key, @RequestParam(required = false) @Nullable String version,
			HttpServletResponse response) {
		return page(this.pages.site(key, this.pages.asked(version)), response);
	}

	@ExceptionHandler(ApiException.class)
	ModelAndView refused(ApiException ex, HttpServletResponse response) {
		response.setHeader(HttpHeaders.LINK, DataLicence.LINK_HEADER);
		var refusal = new ModelAndView("citable/refused",
				Map.of("status", ex.code().status().value(), "code", ex.code().name(), "message", ex.getMessage()));
		refusal.setStatus(ex.code().status());
		return refusal;
	}

	private static ModelAndView page(CitablePage page, HttpServletResponse response) {
		response.setHeader(HttpHeaders.LINK, DataLicence.LINK_HEADER);
		return new ModelAndView(PAGE, Map.of("page", page));
	}

}
