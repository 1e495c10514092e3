package dev.dialtone.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TrustedProxiesTest {
  private static final TrustedProxies NGINX = TrustedProxies.parse("127.0.0.1/32");
  private static final TrustedProxies CHAIN =
      TrustedProxies.parse(" 10.0.0.0/8 , 192.168.1.0/24, fd00::/8, ::1 ");

  @Test
  void trustingNobody_theClientIsThePeer_whateverItForwards() {
    assertThat(TrustedProxies.NONE.source("203.0.113.9", List.of("198.51.100.1")))
        .isEqualTo("203.0.113.9");
    assertThat(TrustedProxies.NONE.source("127.0.0.1", List.of("198.51.100.1")))
        .isEqualTo("127.0.0.1");
    assertThat(TrustedProxies.parse("")).isSameAs(TrustedProxies.NONE);
    assertThat(TrustedProxies.parse("  ")).isSameAs(TrustedProxies.NONE);
  }

  @Test
  void anUntrustedPeer_isTheClient_evenWhenItForgesTheHeader() {
    assertThat(NGINX.source("203.0.113.9", List.of("198.51.100.1"))).isEqualTo("203.0.113.9");
    assertThat(CHAIN.source("11.0.0.1", List.of("10.0.0.1"))).isEqualTo("11.0.0.1");
  }

  @Test
  void aTrustedPeer_namesTheClient_asTheRightmostAddress() {
    assertThat(NGINX.source("127.0.0.1", List.of("198.51.100.1"))).isEqualTo("198.51.100.1");
  }

  @Test
  void whatTheClientPrepends_isNotBelieved_onlyWhatTheTrustedProxyAppended() {
    // nginx's $proxy_add_x_forwarded_for appends the client's address to what the client sent.
    assertThat(NGINX.source("127.0.0.1", List.of("1.1.1.1, 2.2.2.2, 198.51.100.1")))
        .isEqualTo("198.51.100.1");
  }

  @Test
  void trustedHops_areSkipped_fromTheRight() {
    assertThat(CHAIN.source("10.1.2.3", List.of("6.6.6.6, 198.51.100.1, 192.168.1.7, 10.9.9.9")))
        .isEqualTo("198.51.100.1");
  }

  @Test
  void severalHeaders_readAsOneListInTheOrderReceived() {
    assertThat(
            CHAIN.source("10.1.2.3", List.of("6.6.6.6, 198.51.100.1", "192.168.1.7", "10.9.9.9")))
        .isEqualTo("198.51.100.1");
    assertThat(CHAIN.source("10.1.2.3", List.of("198.51.100.1", "203.0.113.5")))
        .isEqualTo("203.0.113.5");
  }

  @Test
  void noHeader_fromATrustedPeer_leavesThePeer() {
    assertThat(NGINX.source("127.0.0.1", List.of())).isEqualTo("127.0.0.1");
    assertThat(NGINX.source("127.0.0.1", List.of(""))).isEqualTo("127.0.0.1");
  }

  @Test
  void anAllTrustedChain_givesItsLeftmostAddress() {
    assertThat(CHAIN.source("10.0.0.1", List.of("10.0.0.3, 192.168.1.2, 10.0.0.2")))
        .isEqualTo("10.0.0.3");
  }

  @Test
  void aMalformedEntry_endsTheWalk_atTheLastAddressReached() {
    assertThat(NGINX.source("127.0.0.1", List.of("unknown"))).isEqualTo("127.0.0.1");
    assertThat(NGINX.source("127.0.0.1", List.of("198.51.100.1, not-an-ip")))
        .isEqualTo("127.0.0.1");
    assertThat(CHAIN.source("10.0.0.1", List.of("198.51.100.1, garbage, 10.0.0.2")))
        .isEqualTo("10.0.0.2");
    assertThat(CHAIN.source("10.0.0.1", List.of("198.51.100.1,, 10.0.0.2"))).isEqualTo("10.0.0.2");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "localhost",
        "example.com",
        "1.2.3",
        "127.1",
        "1.2.3.4.5",
        "256.1.1.1",
        "01.2.3.4",
        "1.2.3.4:99999",
        "1.2.3.4:",
        "dead:beef",
        "fe80::1%eth0",
        "::1::2",
        "[1.2.3.4]",
        "[::1",
        "[::1]x",
        "_hidden",
        "unknown"
      })
  void entriesThatAreNotAddresses_areNotBelieved(String entry) {
    assertThat(TrustedProxies.address(entry)).isNull();
    assertThat(NGINX.source("127.0.0.1", List.of(entry))).isEqualTo("127.0.0.1");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "198.51.100.1:4711 | 198.51.100.1",
        "2001:db8::7 | 2001:db8:0:0:0:0:0:7",
        "2001:DB8::7 | 2001:db8:0:0:0:0:0:7",
        "[2001:db8::7] | 2001:db8:0:0:0:0:0:7",
        "[2001:db8::7]:443 | 2001:db8:0:0:0:0:0:7",
        "::ffff:198.51.100.1 | 198.51.100.1",
        "[::ffff:198.51.100.1]:80 | 198.51.100.1"
      })
  void addressesAreReadInTheFormsProxiesWrite_andComparedInOneForm(String entry, String client) {
    assertThat(NGINX.source("127.0.0.1", List.of(entry))).isEqualTo(client);
  }

  @Test
  void ipv6Ranges_andIpv6Peers() {
    TrustedProxies v6 = TrustedProxies.parse("2001:db8:1::/48");
    assertThat(v6.source("2001:db8:1:ffff::1", List.of("2001:db8:2::9")))
        .isEqualTo("2001:db8:2:0:0:0:0:9");
    assertThat(v6.source("2001:db8:2::1", List.of("2001:db8:3::9")))
        .isEqualTo("2001:db8:2:0:0:0:0:1");
    assertThat(v6.source("[2001:db8:1::1]", List.of("198.51.100.1"))).isEqualTo("198.51.100.1");
    assertThat(CHAIN.source("::1", List.of("198.51.100.1"))).isEqualTo("198.51.100.1");
    assertThat(CHAIN.source("fdff:1::1", List.of("198.51.100.1"))).isEqualTo("198.51.100.1");
    assertThat(CHAIN.source("fe00::1", List.of("198.51.100.1"))).isEqualTo("fe00:0:0:0:0:0:0:1");
  }

  @Test
  void anIpv4MappedPeer_matchesIpv4Ranges_andAMappedRangeMatchesIpv4Peers() {
    assertThat(NGINX.source("::ffff:127.0.0.1", List.of("198.51.100.1"))).isEqualTo("198.51.100.1");
    TrustedProxies mapped = TrustedProxies.parse("::ffff:10.0.0.0/104");
    assertThat(mapped.source("10.2.3.4", List.of("198.51.100.1"))).isEqualTo("198.51.100.1");
    assertThat(mapped.source("11.2.3.4", List.of("198.51.100.1"))).isEqualTo("11.2.3.4");
  }

  @Test
  void anIpv4RangeNeverMatchesAnIpv6Address_norTheOtherWayRound() {
    TrustedProxies all4 = TrustedProxies.parse("0.0.0.0/0");
    assertThat(all4.source("2001:db8::1", List.of("198.51.100.1")))
        .isEqualTo("2001:db8:0:0:0:0:0:1");
    TrustedProxies all6 = TrustedProxies.parse("::/0");
    assertThat(all6.source("198.51.100.2", List.of("198.51.100.1"))).isEqualTo("198.51.100.2");
  }

  @Test
  void prefixesCountBits_notOctets() {
    TrustedProxies range = TrustedProxies.parse("192.168.0.0/23");
    assertThat(range.source("192.168.1.255", List.of("198.51.100.1"))).isEqualTo("198.51.100.1");
    assertThat(range.source("192.168.2.0", List.of("198.51.100.1"))).isEqualTo("192.168.2.0");
  }

  @Test
  void aPeerThatIsNotAnAddress_isReturnedAsItIs() {
    assertThat(NGINX.source("somewhere", List.of("198.51.100.1"))).isEqualTo("somewhere");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "10.0.0.0/33",
        "10.0.0.0/-1",
        "10.0.0.0/",
        "10.0.0.0/8/8",
        "10.0.0/8",
        "10.0.0.1/8",
        "localhost",
        "fd00::/129",
        "fd00::1/8",
        "::ffff:10.0.0.0/95",
        "10.0.0.0/8,",
        "10.0.0.0/8,,::1",
        "10.0.0.0/8 ::1",
        "fe80::1%eth0/128"
      })
  void aListWithAnEntryThatIsNotACidrRange_isRefused_namingTheEntry(String list) {
    assertThatThrownBy(() -> TrustedProxies.parse(list))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("\n");
  }

  @Test
  void theRefusalNamesTheEntry() {
    assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/8, 10.0.0.0/33"))
        .hasMessageContaining("'10.0.0.0/33'");
  }

  @Test
  void aBareAddress_isARangeOfOne() {
    TrustedProxies one = TrustedProxies.parse("10.0.0.1");
    assertThat(one.source("10.0.0.1", List.of("198.51.100.1"))).isEqualTo("198.51.100.1");
    assertThat(one.source("10.0.0.2", List.of("198.51.100.1"))).isEqualTo("10.0.0.2");
  }
}
