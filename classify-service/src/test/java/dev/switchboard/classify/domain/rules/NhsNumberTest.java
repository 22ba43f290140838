package dev.switchboard.classify.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NhsNumberTest {

  @Test
  void theNhsExampleIsValid() {
    assertThat(NhsNumber.valid("9434765919")).isTrue();
  }

  @Test
  void aWrongCheckDigitIsInvalid() {
    assertThat(NhsNumber.valid("9434765918")).isFalse();
  }

  @Test
  void aRemainderGivingTenIsNeverValid() {
    // 100000001x: sum 12, remainder 1, check 10: no last digit can match
    for (char last = '0'; last <= '9'; last++) {
      assertThat(NhsNumber.valid("100000001" + last)).isFalse();
    }
  }

  @Test
  void notTenDigitsIsInvalid() {
    assertThat(NhsNumber.valid("943476591")).isFalse();
    assertThat(NhsNumber.valid("94347659a9")).isFalse();
  }
}
