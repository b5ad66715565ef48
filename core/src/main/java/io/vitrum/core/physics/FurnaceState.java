package io.vitrum.core.physics;

/**
 * The state of one furnace line at one instant: the dynamic variables {@link FurnaceProcess}
 * integrates and the {@link FurnaceOutputs} they show under the inputs of the last step. Immutable;
 * a step returns a new state. The twin corrects dynamic variables with the {@code with…} copies and
 * then has the process recompute the outputs with {@link FurnaceProcess#refresh}.
 *
 * @param timeS simulated time since the state was created, s
 * @param crownC crown (combustion space) temperature, °C
 * @param meltTopC melt top temperature, °C
 * @param meltBottomC melt bottom temperature, °C
 * @param regeneratorLeftC left regenerator checker top, °C
 * @param regeneratorRightC right regenerator checker top, °C
 * @param firingSide the side now firing
 * @param secondsSinceReversal time since the last reversal; the burners fire once it passes the
 *     reversal pause
 * @param gobC gob temperature, °C
 * @param glassLevelMm glass level deviation from its setpoint, mm
 * @param gasIntegralNm3h integral term of the crown combustion controller, Nm³/h
 * @param outputs what the line shows in this state
 */
public record FurnaceState(
    double timeS,
    double crownC,
    double meltTopC,
    double meltBottomC,
    double regeneratorLeftC,
    double regeneratorRightC,
    FiringSide firingSide,
    double secondsSinceReversal,
    double gobC,
    double glassLevelMm,
    double gasIntegralNm3h,
    FurnaceOutputs outputs) {

  public FurnaceState {
    if (firingSide == null || outputs == null) {
      throw new IllegalArgumentException("firingSide and outputs are required");
    }
  }

  /**
   * A copy with the thermal variables replaced; {@link #outputs()} still describes the old values
   * until {@link FurnaceProcess#refresh} recomputes them.
   */
  public FurnaceState withThermal(
      double crownC,
      double meltTopC,
      double meltBottomC,
      double regeneratorLeftC,
      double regeneratorRightC,
      double gobC) {
    return new FurnaceState(
        timeS,
        crownC,
        meltTopC,
        meltBottomC,
        regeneratorLeftC,
        regeneratorRightC,
        firingSide,
        secondsSinceReversal,
        gobC,
        glassLevelMm,
        gasIntegralNm3h,
        outputs);
  }

  /** A copy with the combustion controller's integral term replaced. */
  /** The same state at plant time {@code value} seconds. */
  public FurnaceState withTimeS(double value) {
    return new FurnaceState(
        value,
        crownC,
        meltTopC,
        meltBottomC,
        regeneratorLeftC,
        regeneratorRightC,
        firingSide,
        secondsSinceReversal,
        gobC,
        glassLevelMm,
        gasIntegralNm3h,
        outputs);
  }

  /** The same state with {@code value} as its derived outputs. */
  public FurnaceState withOutputs(FurnaceOutputs value) {
    return new FurnaceState(
        timeS,
        crownC,
        meltTopC,
        meltBottomC,
        regeneratorLeftC,
        regeneratorRightC,
        firingSide,
        secondsSinceReversal,
        gobC,
        glassLevelMm,
        gasIntegralNm3h,
        value);
  }

  public FurnaceState withGasIntegralNm3h(double value) {
    return new FurnaceState(
        timeS,
        crownC,
        meltTopC,
        meltBottomC,
        regeneratorLeftC,
        regeneratorRightC,
        firingSide,
        secondsSinceReversal,
        gobC,
        glassLevelMm,
        value,
        outputs);
  }

  /** A copy with the glass level deviation replaced. */
  public FurnaceState withGlassLevelMm(double value) {
    return new FurnaceState(
        timeS,
        crownC,
        meltTopC,
        meltBottomC,
        regeneratorLeftC,
        regeneratorRightC,
        firingSide,
        secondsSinceReversal,
        gobC,
        value,
        gasIntegralNm3h,
        outputs);
  }

  /** A copy placed at a given point of the firing cycle, e.g. to follow the plant's reversals. */
  public FurnaceState withFiringCycle(FiringSide side, double secondsSinceReversal) {
    return new FurnaceState(
        timeS,
        crownC,
        meltTopC,
        meltBottomC,
        regeneratorLeftC,
        regeneratorRightC,
        side,
        secondsSinceReversal,
        gobC,
        glassLevelMm,
        gasIntegralNm3h,
        outputs);
  }
}
