package dev.crawler.core.extract.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crawler.core.extract.scan.FragmentMatcher.Fit;
import java.util.List;
import org.junit.jupiter.api.Test;

class FragmentMatcherTest {

  private static final int PRICE = 1;
  private static final int OLD = 2;
  private static final int CART = 4;

  private final FragmentMatcher matcher = FragmentMatcher.builder()
      .add(List.of("price", "preis"), PRICE, Fit.ANYWHERE)
      .add(List.of("old", "was"), OLD, Fit.WORD)
      .add(List.of("add-?to-?cart", "product-?form__(?:cart|submit)"), CART, Fit.ANYWHERE)
      .build();

  @Test
  void aFragmentAnywhereMatchesInsideAWord() {
    assertThat(matcher.flags("priceblock-ourprice")).isEqualTo(PRICE);
    assertThat(matcher.flags("a-section")).isZero();
  }

  @Test
  void aWordFragmentNeedsItsOwnPartOrToBeGluedToPrice() {
    assertThat(matcher.flags("price-old")).isEqualTo(PRICE | OLD);
    assertThat(matcher.flags("oldprice")).isEqualTo(PRICE | OLD);
    assertThat(matcher.flags("was_price")).isEqualTo(PRICE | OLD);
    assertThat(matcher.flags("golden")).isZero();
    assertThat(matcher.flags("washer")).isZero();
  }

  @Test
  void optionalCharactersAndGroupsStandForEveryVariant() {
    assertThat(FragmentMatcher.expand("add-?to-?cart")).containsExactlyInAnyOrder("add-to-cart", "add-tocart", "addto-cart", "addtocart");
    assertThat(matcher.flags("btn addtocart")).isEqualTo(CART);
    assertThat(matcher.flags("product-form__submit")).isEqualTo(CART);
    assertThat(matcher.flags("productform__cart")).isEqualTo(CART);
  }

  @Test
  void fragmentsBeyondAsciiAreFound() {
    FragmentMatcher cyrillic = FragmentMatcher.builder().add(List.of("наличи"), 1, Fit.ANYWHERE).build();
    assertThat(cyrillic.flags("есть в наличии")).isEqualTo(1);
    assertThat(cyrillic.flags("нет")).isZero();
  }

  @Test
  void fragmentsFiledBeyondAsciiAreFoundWhateverTheTextAroundThem() {
    // "zł" starts with an ASCII letter but is filed with the wide fragments, as is "цена".
    FragmentMatcher wide = FragmentMatcher.builder().add(List.of("zł", "цена"), PRICE, Fit.ANYWHERE)
        .add(List.of("old"), OLD, Fit.WORD).build();
    assertThat(wide.flags("12 zł")).isEqualTo(PRICE);
    assertThat(wide.flags("старая цена")).isEqualTo(PRICE);
    assertThat(wide.flags("価格 old")).isEqualTo(OLD);
    assertThat(wide.flags("zl цен ценa")).isZero();
    assertThat(wide.flagsAt("x zł", 2)).isEqualTo(PRICE);
  }

  @Test
  void attributeTextSplitsHumpsAndLowersOnlyWhenThereIsSomethingToDo() {
    assertThat(PageCues.attributeText("product-price__old")).isEqualTo("product-price__old");
    assertThat(PageCues.attributeText("productPrice OldPrice2")).isEqualTo("product-price old-price2");
    assertThat(PageCues.attributeText("priceBoxÖld ǅx")).isEqualTo("price-box-öld ǆx");
  }

  @Test
  void otherRegularExpressionSyntaxIsRefusedWithTheFragmentNamed() {
    assertThatThrownBy(() -> FragmentMatcher.builder().add(List.of("pri.e"), 1, Fit.ANYWHERE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pri.e");
  }

  @Test
  void leadingLiteralsPassEveryTextThePhrasesMatch() {
    PageCues.Prefilter stock = PageCues.Prefilter.of(List.of("in stock", "r[ée]f[ée]rence", "item ?#"));
    assertThat(stock.mayMatch("only 3 left in stock")).isTrue();
    assertThat(stock.mayMatch("référence : 12")).isTrue();
    assertThat(stock.mayMatch("item# 9")).isTrue();
    assertThat(stock.mayMatch("free delivery")).isFalse();
    assertThat(PageCues.Prefilter.of(List.of("\\d+ ?x\\b")).mayMatch("anything")).as("no literal start: always maybe").isTrue();
  }

  @Test
  void theShippedCuesKeepTheirQuickTestsEffective() {
    // A phrase that starts with a group or a class of more than letters would turn a quick test
    // into "always maybe" and cost every short text of every page a run of every pattern.
    PageCues cues = PageCues.standard();
    assertThat(cues.mayLabel().leads()).as("identifier labels").isPresent();
    assertThat(cues.mayBuy().leads()).as("buy phrases").isPresent();
    assertThat(cues.mayStateStock().leads()).as("stock phrases").isPresent();
  }
}
