package io.dealgraph.seed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dealgraph.csv.DataFileException;
import io.dealgraph.support.BundledSeed;
import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The seed meets the rules an editor's write meets, read without Spring or a database: a
 * row the API would refuse stops the seed with its file, line and rule.
 */
class SeedFilesTests {

	@TempDir
	Path folder;

	@Test
	void theSeedMeetsEveryRuleOfTheApi() {
		SeedFiles.Seed seed = SeedFiles.read(new DefaultResourceLoader(), "classpath:seed-data/");
		assertThat(seed.organizations()).hasSize(BundledSeed.organizations());
		assertThat(seed.deals()).hasSize(BundledSeed.deals());
	}

	@Test
	void aRegulatorOnTheSupplySideIsRefusedAsTheApiRefusesIt() throws IOException {
		dealRow("T001,SUPPLY,sec,hut-8,2025,,,,,,,,,,,,,,ANNOUNCED,a regulator supplying");
		assertThat(refusal()).endsWith("from: a REGULATOR is never the from side of a SUPPLY");
	}

	@Test
	void aStakeOnASupplyDealIsRefused() throws IOException {
		dealRow("T001,SUPPLY,nvidia,hut-8,2025,,,,,,,,,,12.5,,,,ANNOUNCED,a stake in a supply");
		assertThat(refusal()).endsWith("stakePercent: applies to FINANCING, STAKE and CONTROL deals only");
	}

	@Test
	void aDealOfAnOrganizationWithItselfIsRefused() throws IOException {
		dealRow("T001,PARTNERSHIP,hut-8,hut-8,2025,,,,,,,,,,,,,,ANNOUNCED,with itself");
		assertThat(refusal()).endsWith("to: a deal links two different organizations");
	}

	@Test
	void aCurrencyThatIsNoIsoCodeIsRefusedThoughItLooksLikeOne() throws IOException {
		dealRow("T001,FINANCING,nvidia,hut-8,2025,10,ABC,EXACT,TOTAL,,,,,,,,,,ANNOUNCED,an unknown currency");
		assertThat(refusal()).endsWith("amount.currency: 'ABC' is not an ISO 4217 currency code such as USD");
	}

	@Test
	void aBackstopIsAGuaranteeNotMoneyGiven() throws IOException {
		dealRow("T001,FINANCING,google,fluidstack,2025,,,,,,,,,CREDIT_BACKSTOP,,,,,ANNOUNCED,a backstop as financing");
		assertThat(refusal())
			.endsWith("instrument: a backstop gives no money: record it as a GUARANTEE deal from the guarantor");
	}

	@Test
	void anArrangerRoleOnAnythingButAFinancingIsRefused() throws IOException {
		dealRow("T001,GUARANTEE,google,fluidstack,2025,,,,,,,,,,,ARRANGER,,,ANNOUNCED,a guarantor as arranger");
		assertThat(refusal()).endsWith("role: applies to FINANCING deals only");
	}

	@Test
	void aDealTheSeedWithdrewCannotStayInIt() throws IOException {
		copySeed();
		Files.writeString(this.folder.resolve("withdrawn-deals.csv"), "E001,withdrawn for the test\n",
				StandardOpenOption.APPEND);
		assertThat(refusal()).startsWith("withdrawn-deals.csv line 3: ")
			.endsWith("deal_id 'E001' is withdrawn and still in deals.csv");
	}

	@Test
	void aCountryThatIsNoIsoCodeIsRefused() throws IOException {
		copySeed();
		Files.writeString(this.folder.resolve("organizations.csv"),
				"seed-test-newco,Seed Test Newco,MINER,,,XX,,false\n", StandardOpenOption.APPEND);
		assertThat(refusal()).startsWith("organizations.csv line " + (BundledSeed.organizations() + 2) + ": ")
			.endsWith("country: must be an ISO 3166-1 alpha-2 code such as US");
	}

	@Test
	void aSourceWithoutAnAddressOrTitleIsRefusedOnItsOwnLine() throws IOException {
		copySeed();
		Files.writeString(this.folder.resolve("deal-sources.csv"), "E001,,,,,,,,HIGH,\n", StandardOpenOption.APPEND);
		assertThat(refusal()).startsWith("deal-sources.csv line ")
			.endsWith("url: a source needs a url, or a title for a document without one");
	}

	@Test
	void aNamedOrganizationWhoseKindNoSourceClaimsIsRefused() throws IOException {
		copySeed();
		Files.writeString(this.folder.resolve("organizations.csv"),
				"seed-test-newco,Seed Test Newco,MINER,,,US,,false\n", StandardOpenOption.APPEND);
		assertThat(refusal()).contains("no 'kind' claim").contains("seed-test-newco");
	}

	@Test
	void anInvestorTypeClaimOfNoKnownTypeIsRefused() throws IOException {
		copySeed();
		Files.writeString(this.folder.resolve("organization-facts.csv"),
				"coatue,investor_type,PRIVATEEQUITY,,,https://example.org/x,,,,,,,LOW,\n", StandardOpenOption.APPEND);
		assertThat(refusal()).startsWith("organization-facts.csv line ")
			.contains("value: an 'investor_type' claim names one of [PRIVATE_EQUITY");
	}

	private void dealRow(String row) throws IOException {
		copySeed();
		Files.writeString(this.folder.resolve("deals.csv"), row + "\n", StandardOpenOption.APPEND);
		Files.writeString(this.folder.resolve("deal-sources.csv"), "T001,https://example.org/t001,,,,,,,HIGH,\n",
				StandardOpenOption.APPEND);
	}

	private String refusal() {
		DataFileException refused = catchThrowableOfType(DataFileException.class,
				() -> SeedFiles.read(new DefaultResourceLoader(), this.folder.toUri().toString()));
		assertThat(refused).as("the seed read is refused").isNotNull();
		return refused.getMessage();
	}

	private void copySeed() throws IOException {
		try (var files = Files.list(Path.of("seed-data"))) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".csv")).toList()) {
				Files.copy(file, this.folder.resolve(file.getFileName()));
			}
		}
	}

}
