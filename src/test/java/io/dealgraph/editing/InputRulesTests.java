package io.dealgraph.editing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import io.dealgraph.graph.DealStatus;
import io.dealgraph.graph.AcquisitionScope;
import io.dealgraph.graph.FinancingInstrument;
import io.dealgraph.graph.FinancingRole;
import io.dealgraph.errors.ErrorCode;
import io.dealgraph.graph.DealType;
import io.dealgraph.editing.Inputs.DealInput;
import io.dealgraph.editing.Inputs.MoneyInput;
import io.dealgraph.editing.Inputs.OrganizationInput;
import io.dealgraph.editing.Inputs.SourceInput;
import io.dealgraph.graph.OrganizationKind;
import io.dealgraph.rules.Violation;
import io.dealgraph.source.Confidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The rules an editor's input meets, asked without Spring or a database: every broken
 * rule is reported at once, each with its field, and the code follows from the kinds of
 * wrong, not from the wording.
 */
class InputRulesTests {

	/** The kinds of the organizations that exist, as the editor reads them. */
	private static final Map<String, OrganizationKind> KINDS = Map.of("hut-8", OrganizationKind.MINER, "coreweave",
			OrganizationKind.AI_FIRM, "blackstone", OrganizationKind.INVESTOR, "sec", OrganizationKind.REGULATOR);

	private static final List<SourceInput> ONE_SOURCE = List
		.of(new SourceInput("https://example.com/deal", null, null, null, null, null, null, Confidence.HIGH, null));

	@Test
	void aWellFormedDealBecomesADraft() {
		List<Violation> violations = new ArrayList<>();
		var draft = InputRules.deal("E900", deal(DealType.FINANCING, "blackstone", "hut-8", "USD", 25.0), KINDS,
				violations, List.of());
		assertThat(violations).isEmpty();
		assertThat(draft).isNotNull();
		assertThat(draft.amount().currency()).isEqualTo("USD");
		assertThat(draft.stakePercent()).isEqualTo(25.0);
	}

	@Test
	void everyBrokenRuleIsReportedWithItsField() {
		List<Violation> violations = new ArrayList<>();
		DealInput input = new DealInput(DealType.SUPPLY, "hut-8", "hut-8", "2024-13",
				new MoneyInput(-1, "dollars", null, null), -5.0, null, null, null, FinancingInstrument.DEBT, 10.0, null,
				null, null, DealStatus.ANNOUNCED, null, null, List.of());
		assertThat(InputRules.deal("E900", input, KINDS, violations, List.of())).isNull();
		assertThat(violations).extracting(Violation::field)
			.containsExactlyInAnyOrder("to", "announcedOn", "amount.amount", "amount.currency", "capacityMw",
					"instrument", "stakePercent", "sources");
		assertThat(code(violations)).isEqualTo(ErrorCode.BAD_REQUEST);
	}

	@Test
	void unknownPartiesAloneAreNotFound() {
		List<Violation> violations = new ArrayList<>();
		InputRules.deal("E900", deal(DealType.PARTNERSHIP, "nobody", "hut-8", "USD", null), KINDS, violations,
				List.of());
		assertThat(violations).singleElement()
			.satisfies((violation) -> assertThat(violation.kind()).isEqualTo(Violation.Kind.UNKNOWN_REFERENCE));
		assertThat(code(violations)).isEqualTo(ErrorCode.NOT_FOUND);
	}

	@Test
	void anUnknownPartyBesideABrokenRuleIsABadRequest() {
		List<Violation> violations = new ArrayList<>();
		InputRules.deal("E900", deal(DealType.PARTNERSHIP, "nobody", "hut-8", "dollars", null), KINDS, violations,
				List.of());
		assertThat(violations).hasSize(2);
		assertThat(code(violations)).isEqualTo(ErrorCode.BAD_REQUEST);
	}

	@Test
	void onlyARegulatorTakesRegulatoryActionAndOnlyAsItsFromSide() {
		assertThat(fields(deal(DealType.REGULATORY_ACTION, "blackstone", "hut-8", "USD", null)))
			.containsExactly("from");
		assertThat(fields(deal(DealType.REGULATORY_ACTION, "sec", "hut-8", "USD", null))).isEmpty();
		assertThat(fields(deal(DealType.SUPPLY, "hut-8", "sec", "USD", null))).containsExactly("to");
	}

	@Test
	void aStakeIsHeldInSharesOrWarrantsAndIsAtMostAHundredPercent() {
		assertThat(fields(kind(DealType.STAKE, "blackstone", "hut-8", FinancingInstrument.WARRANTS, 8.0, null, null)))
			.isEmpty();
		assertThat(fields(kind(DealType.STAKE, "blackstone", "hut-8", FinancingInstrument.DEBT, 120.0, null, null)))
			.containsExactlyInAnyOrder("instrument", "stakePercent");
		assertThat(fields(kind(DealType.STAKE, "hut-8", "hut-8", FinancingInstrument.EQUITY, null, null, null)))
			.as("no one holds a stake in itself")
			.containsExactly("to");
	}

	@Test
	void aGuaranteeBacksAnotherPartyAndABackstopIsNoFinancing() {
		assertThat(fields(kind(DealType.GUARANTEE, "blackstone", "hut-8", null, null, null, null))).isEmpty();
		assertThat(fields(kind(DealType.GUARANTEE, "blackstone", "blackstone", null, null, null, null)))
			.containsExactly("to");
		assertThat(
				fields(kind(DealType.GUARANTEE, "blackstone", "hut-8", FinancingInstrument.EQUITY, null, null, null)))
			.containsExactly("instrument");
		assertThat(fields(
				kind(DealType.FINANCING, "blackstone", "hut-8", FinancingInstrument.CREDIT_BACKSTOP, null, null, null)))
			.containsExactly("instrument");
	}

	@Test
	void aRoleBelongsToAFinancingAndAScopeToAnAcquisition() {
		assertThat(fields(kind(DealType.SUPPLY, "blackstone", "hut-8", null, null, FinancingRole.ARRANGER,
				AcquisitionScope.ASSET)))
			.containsExactlyInAnyOrder("role", "scope");
		List<Violation> violations = new ArrayList<>();
		var arranged = InputRules.deal("E900", kind(DealType.FINANCING, "blackstone", "hut-8", FinancingInstrument.DEBT,
				null, FinancingRole.ARRANGER, null), KINDS, violations, List.of());
		assertThat(arranged.role()).isEqualTo(FinancingRole.ARRANGER);
		var lent = InputRules.deal("E901",
				kind(DealType.FINANCING, "blackstone", "hut-8", FinancingInstrument.DEBT, null, null, null), KINDS,
				violations, List.of());
		assertThat(lent.role()).as("debt given is lent").isEqualTo(FinancingRole.LENDER);
		var bought = InputRules.deal("E902", kind(DealType.ACQUISITION, "blackstone", "hut-8", null, null, null, null),
				KINDS, violations, List.of());
		assertThat(bought.scope()).as("an acquisition is of a company unless it says otherwise")
			.isEqualTo(AcquisitionScope.COMPANY);
		assertThat(violations).isEmpty();
	}

	@Test
	void anOrganizationNeedsASlugACountryCodeAndNamesWithinTheCaps() {
		var input = new OrganizationInput("Hut 8", " ", OrganizationKind.MINER, List.of("x".repeat(201)), null, "USA",
				null, null, null, null, null);
		InvalidInput refused = catchThrowableOfType(InvalidInput.class, () -> InputRules.organization(input, "input"));
		assertThat(refused.violations()).extracting(Violation::field)
			.containsExactly("input.id", "input.name", "input.country", "input.aliases[0]");
		assertThat(refused.code()).isEqualTo(ErrorCode.BAD_REQUEST);
	}

	private static DealInput deal(DealType type, String from, String to, String currency, @Nullable Double stake) {
		return new DealInput(type, from, to, "2024-06", new MoneyInput(100e6, currency, null, null), null, null, null,
				null, null, stake, null, null, null, DealStatus.ANNOUNCED, null, null, ONE_SOURCE);
	}

	private static DealInput kind(DealType type, String from, String to, @Nullable FinancingInstrument instrument,
			@Nullable Double stake, @Nullable FinancingRole role, @Nullable AcquisitionScope scope) {
		return new DealInput(type, from, to, "2024-06", null, null, null, null, null, instrument, stake, role, scope,
				null, DealStatus.ANNOUNCED, null, null, ONE_SOURCE);
	}

	private static List<String> fields(DealInput input) {
		List<Violation> violations = new ArrayList<>();
		InputRules.deal("E900", input, KINDS, violations, List.of());
		return violations.stream().map(Violation::field).toList();
	}

	private static ErrorCode code(List<Violation> violations) {
		return catchThrowableOfType(InvalidInput.class, () -> InvalidInput.throwIfAny(violations)).code();
	}

}
