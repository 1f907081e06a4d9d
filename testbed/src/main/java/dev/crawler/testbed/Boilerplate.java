package dev.crawler.testbed;

import dev.crawler.testbed.ShopModel.CategoryModel;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The parts of a shop's pages that are the same on every page: styles, header, navigation, footer,
 * scripts, and the filler that pads product pages to their target size. Rendered once per shop.
 *
 * <p>A page is {@code [page head] headToMain [page body] footer [padding] tail}: the footer ends by
 * opening a JavaScript string literal that the tail closes, so any prefix of the ASCII-only padding
 * can go in between and the page stays well-formed.
 *
 * <p>Links here appear on pages at many paths, so they are only absolute or root-relative.
 */
final class Boilerplate {

  private static final String PADDING_ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

  final byte[] headToMain;
  final byte[] footer;
  final byte[] padding;
  final byte[] tail;

  Boilerplate(ShopModel shop, String origin, List<String> outsideOrigins, int paddingBytes) {
    this.headToMain = utf8(headToMain(shop, origin));
    this.footer = utf8(footer(shop, origin, outsideOrigins));
    this.padding = padding(shop, paddingBytes);
    this.tail = utf8("\";</script>\n</body>\n</html>\n");
  }

  /** Bytes of a page that are not page-specific and not padding. */
  int fixedBytes() {
    return headToMain.length + footer.length + tail.length;
  }

  private static String headToMain(ShopModel shop, String origin) {
    Phrases words = shop.phrases();
    StringBuilder html = new StringBuilder(6_000);
    html.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta name=\"theme-color\" content=\"").append(color(shop, 0)).append("\">\n")
        .append("<style>\n").append(css(shop)).append("</style>\n")
        .append("<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}")
        .append("gtag('js',new Date());gtag('config','G-TESTBED").append(shop.index() + 1).append("');</script>\n")
        .append("</head>\n<body class=\"shop-").append(shop.index() + 1).append(' ').append(layoutClass(shop))
        .append("\">\n")
        .append("<a class=\"skip-link\" href=\"#content\">").append(words.skipLink()).append("</a>\n")
        .append("<header class=\"site-header\">\n")
        .append("<div class=\"announcement\">").append(words.announcement(freeShippingThreshold(shop)))
        .append("</div>\n")
        .append("<a class=\"logo\" href=\"").append(origin).append("/\">").append(Html.escape(shop.name()))
        .append("</a>\n")
        .append("<form class=\"search\" action=\"/search\" method=\"get\" role=\"search\">")
        .append("<label for=\"q\" class=\"visually-hidden\">").append(words.searchLabel()).append("</label>")
        .append("<input id=\"q\" type=\"search\" name=\"q\" placeholder=\"").append(words.searchPlaceholder())
        .append("\">")
        .append("<button type=\"submit\">").append(words.searchButton()).append("</button></form>\n")
        .append("<ul class=\"account\"><li><a href=\"/private/account\">").append(words.account())
        .append("</a></li>")
        .append("<li><a href=\"").append(origin).append("/cart\">").append(words.cart()).append("</a></li></ul>\n")
        .append("</header>\n")
        .append("<nav class=\"main-nav\" aria-label=\"Categories\">\n<ul>\n<li><a href=\"/\">")
        .append(words.home()).append("</a></li>\n");
    for (CategoryModel category : shop.categories()) {
      LinkForm form = shop.navForms().get(category.index()) == LinkForm.ABSOLUTE
          ? LinkForm.ABSOLUTE : LinkForm.ROOT_RELATIVE;
      html.append("<li><a href=\"")
          .append(Html.escape(form.href(origin, "/", ShopModel.categoryPath(category, 1))))
          .append("\">").append(Html.escape(category.name())).append("</a></li>\n");
    }
    html.append("</ul>\n</nav>\n<main id=\"content\">\n");
    return html.toString();
  }

  private static String footer(ShopModel shop, String origin, List<String> outsideOrigins) {
    Phrases words = shop.phrases();
    StringBuilder html = new StringBuilder(3_000);
    html.append("</main>\n<footer class=\"site-footer\">\n")
        .append("<section class=\"newsletter\"><h2>").append(words.newsletterHeading()).append("</h2>")
        .append("<p>").append(words.newsletterText()).append("</p>")
        .append("<form action=\"/newsletter\" method=\"post\"><input type=\"email\" name=\"email\" ")
        .append("placeholder=\"you@example.com\"><button type=\"submit\">").append(words.subscribe())
        .append("</button></form></section>\n")
        .append("<div class=\"footer-columns\">\n<ul class=\"footer-links\">\n")
        .append("<li><a href=\"/private/orders\">").append(words.orderStatus()).append("</a></li>\n")
        .append("<li><a href=\"").append(origin).append("/\">").append(words.shopHome()).append("</a></li>\n");
    for (CategoryModel category : shop.categories()) {
      html.append("<li><a href=\"").append(origin).append(ShopModel.categoryPath(category, 1)).append("\">")
          .append(Html.escape(category.name())).append("</a></li>\n");
    }
    html.append("</ul>\n");
    if (!outsideOrigins.isEmpty()) {
      html.append("<ul class=\"partners\">\n");
      for (int i = 0; i < outsideOrigins.size(); i++) {
        html.append("<li><a href=\"").append(outsideOrigins.get(i)).append("/partner/shop-")
            .append(shop.index() + 1).append("\">").append(words.partner()).append(' ').append(i + 1)
            .append("</a></li>\n");
      }
      html.append("</ul>\n");
    }
    html.append("</div>\n<p class=\"legal\">&copy; 2024 ").append(Html.escape(shop.name()))
        .append(". ").append(words.legal()).append("</p>\n</footer>\n")
        .append("<script>(function(){var f=document.querySelector('.search');if(!f){return;}")
        .append("f.addEventListener('submit',function(e){var q=f.querySelector('input').value.trim();")
        .append("if(q.length<2){e.preventDefault();}});document.querySelectorAll('a.add-to-cart').forEach(")
        .append("function(a){a.addEventListener('click',function(){gtag('event','add_to_cart',")
        .append("{currency:'").append(shop.currency()).append("'});});});})();</script>\n")
        .append("<script>window.__STATE__=\"");
    return html.toString();
  }

  private static String css(ShopModel shop) {
    String brand = color(shop, 0);
    String accent = color(shop, 137);
    StringBuilder css = new StringBuilder(4_000);
    css.append(":root{--brand:").append(brand).append(";--accent:").append(accent)
        .append(";--ink:#1b1b1b;--muted:#6b6b6b;--paper:#fffdf8;--radius:6px;--gap:1rem}\n")
        .append("*,*::before,*::after{box-sizing:border-box}\n")
        .append("html{font-size:16px;-webkit-text-size-adjust:100%}\n")
        .append("body{margin:0;font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,sans-serif;")
        .append("color:var(--ink);background:var(--paper);line-height:1.5}\n")
        .append(".skip-link{position:absolute;left:-999px}.skip-link:focus{left:1rem;top:1rem}\n")
        .append(".visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}\n")
        .append(".announcement{background:var(--brand);color:#fff;text-align:center;font-size:.85rem;")
        .append("padding:.4rem}\n")
        .append(".site-header{display:flex;flex-wrap:wrap;align-items:center;gap:var(--gap);")
        .append("padding:1rem 2rem;border-bottom:1px solid #e4e0d8}\n")
        .append(".logo{font-weight:700;font-size:1.4rem;color:var(--brand);text-decoration:none}\n")
        .append(".search{flex:1;display:flex;max-width:32rem}.search input{flex:1;padding:.5rem;")
        .append("border:1px solid #ccc;border-radius:var(--radius) 0 0 var(--radius)}\n")
        .append(".search button{padding:.5rem 1rem;border:0;background:var(--accent);color:#fff;")
        .append("border-radius:0 var(--radius) var(--radius) 0}\n")
        .append(".account{display:flex;gap:1rem;list-style:none;margin:0;padding:0}\n")
        .append(".main-nav ul{display:flex;gap:1.5rem;list-style:none;margin:0;padding:.75rem 2rem;")
        .append("overflow-x:auto}\n.main-nav a{color:var(--ink);text-decoration:none;font-weight:500}\n")
        .append(".main-nav a:hover{color:var(--brand)}\n")
        .append("main{max-width:72rem;margin:0 auto;padding:2rem}\n")
        .append(".breadcrumb ol{display:flex;gap:.5rem;list-style:none;padding:0;color:var(--muted)}\n")
        .append(".breadcrumb li+li::before{content:\"\\203A\";margin-right:.5rem}\n")
        .append(".product{display:grid;grid-template-columns:1fr 1fr;gap:2rem}\n")
        .append("@media (max-width:48rem){.product{grid-template-columns:1fr}}\n")
        .append(".gallery img{width:100%;height:auto;border-radius:var(--radius);background:#eee}\n")
        .append(".product-title{font-size:1.8rem;margin:0 0 .5rem}\n")
        .append(".price{font-size:1.4rem;font-weight:700;color:var(--brand)}\n")
        .append(".availability{font-weight:600}.availability.in-stock{color:#2e7d32}\n")
        .append(".availability.out-of-stock{color:#b71c1c}.availability.pre-order{color:#ef6c00}\n")
        .append(".button{display:inline-block;padding:.75rem 1.5rem;background:var(--accent);color:#fff;")
        .append("border-radius:var(--radius);text-decoration:none}\n")
        .append(".button:hover{filter:brightness(1.1)}\n")
        .append(".product-grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(12rem,1fr));")
        .append("gap:var(--gap);list-style:none;padding:0}\n")
        .append(".card{border:1px solid #e4e0d8;border-radius:var(--radius);padding:.75rem;background:#fff}\n")
        .append(".card a{color:inherit;text-decoration:none}.card .name{display:block;margin:.5rem 0}\n")
        .append(".pagination{display:flex;justify-content:space-between;margin:2rem 0}\n")
        .append(".related ul{display:grid;grid-template-columns:repeat(3,1fr);gap:var(--gap);")
        .append("list-style:none;padding:0}\n")
        .append(".site-footer{background:#20232a;color:#d8d8d8;padding:2rem;margin-top:4rem}\n")
        .append(".site-footer a{color:#fff}.footer-columns{display:flex;gap:4rem}\n")
        .append(".footer-links,.partners{list-style:none;padding:0}\n")
        .append(".legal{font-size:.8rem;color:#9a9a9a}\n")
        .append(".newsletter input{padding:.5rem;min-width:16rem}\n");
    return css.toString();
  }

  private static String layoutClass(ShopModel shop) {
    return shop.plain().map(look -> "theme-" + look.layout().name().toLowerCase(Locale.ROOT))
        .orElse("layout-default");
  }

  /** 50 in the shop's currency (5,000 yen), written as the shop writes prices. */
  private static String freeShippingThreshold(ShopModel shop) {
    if (!shop.isPlain()) {
      return "50 " + shop.currency();
    }
    return Html.escape(shop.displayPrice(BigDecimal.valueOf("JPY".equals(shop.currency()) ? 5_000 : 50)));
  }

  private static String color(ShopModel shop, int shift) {
    int hue = (shop.index() * 67 + shift) % 360;
    return "hsl(" + hue + " 55% 38%)";
  }

  private static byte[] padding(ShopModel shop, int length) {
    Random random = new Random(31L * shop.index() + 7);
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) PADDING_ALPHABET.charAt(random.nextInt(PADDING_ALPHABET.length()));
    }
    return bytes;
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
