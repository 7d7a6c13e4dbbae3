package com.sagemakermlops.cli;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How {@code mlops plan} runs stacks side by side: results in the order given, a failure where it belongs. */
class SideBySideTest {

    @Test
    void resultsComeBackInTheOrderTheTasksWereGivenWhicheverFinishesFirst() throws InterruptedException {
        CountDownLatch secondDone = new CountDownLatch(1);
        try (SideBySide<String> runs = new SideBySide<>(2)) {
            runs.add("first", () -> {
                assertThat(secondDone.await(30, TimeUnit.SECONDS)).isTrue();
                return "first";
            });
            runs.add("second", () -> {
                secondDone.countDown();
                return "second";
            });
            assertThat(runs.full()).isTrue();
            assertThat(runs.has("second")).isTrue();
            assertThat(List.of(runs.take(), runs.take())).containsExactly("first", "second");
            assertThat(runs.isEmpty()).isTrue();
        }
    }

    @Test
    void whatATaskThrowsIsThrownWhenItsResultIsTakenAndNotBefore() {
        try (SideBySide<String> runs = new SideBySide<>(2)) {
            runs.add("fine", () -> "fine");
            runs.add("broken", () -> {
                throw new IllegalStateException("the tooling stack exports no environments.prod");
            });
            assertThat(runs.take()).isEqualTo("fine");
            assertThatThrownBy(runs::take).isInstanceOf(IllegalStateException.class)
                    .hasMessage("the tooling stack exports no environments.prod");
        }
    }

    @Test
    void aFullRowTakesNoMoreTasks() {
        try (SideBySide<String> runs = new SideBySide<>(1)) {
            runs.add("only", () -> "only");
            assertThatThrownBy(() -> runs.add("more", () -> "more")).isInstanceOf(IllegalStateException.class);
        }
    }
}
