package io.vitrum.core.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ModbusAddressTest {

  @Test
  void parsesEveryPart() {
    ModbusAddress a = ModbusAddress.parse("unit=3;holding=120;type=int16;scale=0.1;order=cdab");
    assertEquals(3, a.unit());
    assertEquals(ModbusTable.HOLDING, a.table());
    assertEquals(120, a.register());
    assertEquals(ModbusType.INT16, a.type());
    assertEquals(0.1, a.scale());
    assertEquals(WordOrder.CDAB, a.order());
    assertEquals(a, ModbusAddress.parse(a.toString()), "toString is the parseable form");
  }

  @Test
  void float32BigEndianMatchesIeeeBits() {
    // 1520.5f = 0x44BE1000
    ModbusAddress a = ModbusAddress.parse("unit=1;input=0;type=float32");
    assertArrayEquals(new int[] {0x44BE, 0x1000}, a.encode(1520.5));
    assertEquals(1520.5, a.decode(new int[] {0x44BE, 0x1000}));
  }

  @Test
  void wordSwappedFloatPutsTheLowWordFirst() {
    ModbusAddress a = ModbusAddress.parse("unit=1;input=0;type=float32;order=cdab");
    assertArrayEquals(new int[] {0x1000, 0x44BE}, a.encode(1520.5));
    assertEquals(1520.5, a.decode(new int[] {0x1000, 0x44BE}));
  }

  @Test
  void scaledSignedAndUnsignedIntegers() {
    ModbusAddress int16 = ModbusAddress.parse("unit=1;input=4;type=int16;scale=0.01");
    assertArrayEquals(new int[] {0xFF38}, int16.encode(-2.0), "-200 counts, two's complement");
    assertEquals(-2.0, int16.decode(new int[] {0xFF38}), 1e-12);
    ModbusAddress uint16 = ModbusAddress.parse("unit=1;input=4;type=uint16;scale=0.001");
    assertEquals(65.535, uint16.decode(new int[] {0xFFFF}), 1e-9);
    ModbusAddress int32 = ModbusAddress.parse("unit=1;holding=0;type=int32");
    assertArrayEquals(new int[] {0xFFFF, 0xFFFE}, int32.encode(-2));
    assertEquals(-2, int32.decode(new int[] {0xFFFF, 0xFFFE}));
  }

  @Test
  void refusesValuesThatDoNotFit() {
    ModbusAddress int16 = ModbusAddress.parse("unit=1;input=4;type=int16;scale=0.01");
    assertThrows(IllegalArgumentException.class, () -> int16.encode(400.0));
    assertThrows(
        IllegalArgumentException.class,
        () -> ModbusAddress.parse("unit=1;input=0;type=uint16").encode(-1));
  }

  @Test
  void namesWhatIsWrong() {
    assertMessage("give exactly one of", "unit=1;type=float32");
    assertMessage("give exactly one of", "unit=1;input=1;holding=2;type=float32");
    assertMessage("unit=<id> is missing", "input=1;type=float32");
    assertMessage("type '' is not one of", "unit=1;input=1");
    assertMessage("is not an integer", "unit=x;input=1;type=int16");
    assertMessage("unknown keys [colour]", "unit=1;input=1;type=int16;colour=red");
    assertMessage("register must be", "unit=1;input=65535;type=float32");
    assertMessage("unit must be 0-247", "unit=300;input=1;type=int16");
  }

  private static void assertMessage(String expected, String address) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ModbusAddress.parse(address));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}
