package com.sagemakermlops.components.deploy;

import com.sagemakermlops.config.DeployConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Optional;

import static com.sagemakermlops.components.deploy.DeployFixtures.PREPROD;
import static com.sagemakermlops.components.deploy.DeployFixtures.PROD;
import static org.assertj.core.api.Assertions.assertThat;

class DeployStagesTest {

    @ParameterizedTest(name = "preprod={0} prod={1} approval={2}")
    @CsvSource({
            "false, false, false, Source",
            "false, false, true,  Source",
            "true,  false, false, Source DeployPreProd",
            "true,  false, true,  Source DeployPreProd",
            "false, true,  false, Source DeployProd",
            "false, true,  true,  Source ManualApproval DeployProd",
            "true,  true,  false, Source DeployPreProd DeployProd",
            "true,  true,  true,  Source DeployPreProd ManualApproval DeployProd"})
    void onlyConfiguredStagesInPromotionOrder(boolean preprod, boolean prod, boolean approval, String expected) {
        DeployConfig deploy = DeployFixtures.deploy(preprod ? Optional.of(PREPROD) : Optional.empty(),
                prod ? Optional.of(PROD) : Optional.empty(), approval);

        List<DeployStages.Stage> plan = DeployStages.plan(deploy);

        assertThat(plan).extracting(DeployStages.Stage::name).containsExactly(expected.split(" "));
        assertThat(DeployStages.deploysAnything(deploy)).isEqualTo(preprod || prod);
    }

    @ParameterizedTest(name = "preprod={0}")
    @CsvSource({"true", "false"})
    void eachStageHasOneActionOfItsKindAndTarget(boolean preprod) {
        DeployConfig deploy = DeployFixtures.deploy(preprod ? Optional.of(PREPROD) : Optional.empty(),
                Optional.of(PROD), true);

        List<DeployStages.Action> actions = DeployStages.plan(deploy).stream().map(DeployStages.Stage::action)
                .toList();

        assertThat(actions.get(0)).isEqualTo(new DeployStages.Action("Source", DeployStages.Kind.SOURCE,
                Optional.empty()));
        assertThat(actions).contains(new DeployStages.Action("ApproveDeployProd", DeployStages.Kind.APPROVAL,
                Optional.of(PROD.stage())));
        assertThat(actions.get(actions.size() - 1)).isEqualTo(new DeployStages.Action("DeployProd",
                DeployStages.Kind.DEPLOY, Optional.of(PROD.stage())));
        assertThat(actions.stream().filter(a -> a.kind() == DeployStages.Kind.DEPLOY))
                .extracting(a -> a.target().orElseThrow())
                .containsExactlyElementsOf(deploy.environments().stream().map(e -> e.stage()).toList());
    }
}
