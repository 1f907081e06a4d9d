package dev.crawler.testbed;

/**
 * The visible words of a shop in one language, as HTML-ready text (entities already written).
 * {@link #ENGLISH} is what the structured-data shops have always shown; the others are for the plain
 * shops, which speak their shop's language in the header, footer and product page.
 *
 * @param announcement banner text; {@code {amount}} stands for the free-shipping threshold
 * @param legal footer line after {@code "© 2024 Shop Name"}
 * @param delivery a line near the buy button that holds numbers but no price
 * @param contactSeller the label of a classified ad's button that writes to the seller
 * @param adClosed what a classified ad says once its item is gone
 */
record Phrases(String skipLink, String announcement, String searchLabel, String searchPlaceholder,
    String searchButton, String account, String cart, String home, String newsletterHeading,
    String newsletterText, String subscribe, String orderStatus, String shopHome, String partner, String legal,
    String addToCart, String inStock, String soldOut, String skuLabel, String wasLabel, String related,
    String description, String brand, String quantity, String wishlist, String previousModel, String reviews,
    String delivery, String contactSeller, String adClosed) {

  String announcement(String amount) {
    return announcement.replace("{amount}", amount);
  }

  static final Phrases ENGLISH = new Phrases("Skip to content",
      "Free shipping on orders over {amount} &middot; 30-day returns &middot; Gift cards available",
      "Search", "Search products", "Search", "My account", "Cart (0)", "Home", "Join our newsletter",
      "News about new arrivals, restocks &amp; the occasional sale. No spam, promise.", "Subscribe",
      "Order status", "Shop home", "Partner",
      "All prices include VAT where applicable. &ldquo;Caf&eacute;&rdquo; collection photographed in Zürich.",
      "Add to cart", "In stock", "Sold out", "SKU", "Was", "You may also like", "Description", "Brand",
      "Quantity", "Save to wishlist", "Looking for the older model? See the previous version", "reviews",
      "Ships in 2&ndash;4 business days &middot; 30-day returns",
      "Contact seller", "This ad is no longer available");

  static final Phrases BRITISH = new Phrases("Skip to content",
      "Free UK delivery on orders over {amount} &middot; 30-day returns", "Search", "Search our shop", "Go",
      "Sign in", "Basket (0)", "Home", "Sign up for our newsletter",
      "New arrivals, restocks &amp; the odd sale. No spam.", "Sign up", "Track your order", "Shop home",
      "Partner", "All prices include VAT. Registered in England &amp; Wales, company no. 0412 7789.",
      "Add to basket", "In stock", "Out of stock", "Item #", "Was", "You might also like", "Description",
      "Brand", "Qty", "Add to wishlist", "Looking for the older model? See the previous version", "reviews",
      "Order by 2pm for next-day delivery &middot; 30-day returns",
      "Message the seller", "This advert is no longer available");

  static final Phrases GERMAN = new Phrases("Zum Inhalt springen",
      "Kostenloser Versand ab {amount} &middot; 30 Tage Rückgaberecht &middot; Gutscheine erhältlich",
      "Suche", "Produkte suchen", "Suchen", "Mein Konto", "Warenkorb (0)", "Startseite", "Newsletter abonnieren",
      "Neuheiten, Wiederauffüllungen &amp; gelegentlich ein Sale. Kein Spam, versprochen.", "Anmelden",
      "Bestellstatus", "Zur Startseite", "Partner",
      "Alle Preise inkl. gesetzl. MwSt., zzgl. Versandkosten.", "In den Warenkorb", "Auf Lager",
      "Ausverkauft", "Art.-Nr.", "statt", "Das könnte Ihnen auch gefallen", "Beschreibung", "Marke", "Menge",
      "Auf den Merkzettel", "Suchen Sie das Vorgängermodell? Zur vorherigen Version", "Bewertungen",
      "Lieferzeit: 2&ndash;4 Werktage &middot; 30 Tage Rückgabe",
      "Anbieter kontaktieren", "Diese Anzeige ist nicht mehr verfügbar");

  static final Phrases FRENCH = new Phrases("Aller au contenu",
      "Livraison offerte dès {amount} d&#39;achat &middot; Retours sous 30 jours", "Rechercher",
      "Rechercher un produit", "OK", "Mon compte", "Panier (0)", "Accueil", "Inscrivez-vous à la newsletter",
      "Nouveautés, réassorts &amp; ventes privées. Jamais de spam.", "S&#39;inscrire", "Suivi de commande",
      "Retour à l&#39;accueil", "Partenaire", "Prix TTC, hors frais de livraison.", "Ajouter au panier",
      "En stock", "Épuisé", "Référence", "avant", "Vous aimerez aussi", "Description", "Marque", "Quantité",
      "Ajouter à ma liste d&#39;envies", "Vous cherchez l&#39;ancien modèle ? Voir la version précédente",
      "avis", "Expédié sous 2 à 4 jours ouvrés &middot; Retours sous 30 jours",
      "Contacter le vendeur", "Cette annonce n&#39;est plus disponible");

  static final Phrases SPANISH = new Phrases("Saltar al contenido",
      "Envío gratis a partir de {amount} &middot; Devoluciones en 30 días", "Buscar", "Buscar productos",
      "Buscar", "Mi cuenta", "Carrito (0)", "Inicio", "Suscríbete a nuestra newsletter",
      "Novedades, reposiciones y alguna oferta. Sin spam.", "Suscribirme", "Estado del pedido",
      "Volver al inicio", "Socio", "Precios con IVA incluido.", "Añadir al carrito", "En stock", "Agotado",
      "Código", "antes", "También te puede gustar", "Descripción", "Marca", "Cantidad", "Añadir a favoritos",
      "¿Buscas el modelo anterior? Ver la versión anterior", "opiniones",
      "Entrega en 2&ndash;4 días laborables &middot; Devoluciones en 30 días",
      "Contactar con el vendedor", "Anuncio no disponible");

  static final Phrases POLISH = new Phrases("Przejdź do treści",
      "Darmowa dostawa od {amount} &middot; 30 dni na zwrot", "Szukaj", "Szukaj produktów", "Szukaj",
      "Moje konto", "Koszyk (0)", "Strona główna", "Zapisz się do newslettera",
      "Nowości, powroty do oferty i okazjonalne promocje. Bez spamu.", "Zapisz się", "Status zamówienia",
      "Strona główna sklepu", "Partner", "Wszystkie ceny zawierają podatek VAT.", "Do koszyka", "Dostępny",
      "Niedostępny", "Kod produktu", "Cena regularna", "Może Ci się spodobać", "Opis", "Marka", "Ilość",
      "Dodaj do ulubionych", "Szukasz starszego modelu? Zobacz poprzednią wersję", "opinii",
      "Wysyłka w 2&ndash;4 dni robocze &middot; 30 dni na zwrot",
      "Napisz do sprzedającego", "Przedmiot niedostępny");

  static final Phrases JAPANESE = new Phrases("本文へスキップ",
      "{amount}以上のご注文で送料無料 &middot; 30日間返品可能", "検索", "商品を検索", "検索", "マイページ",
      "カート (0)", "ホーム", "メールマガジン登録", "新商品・再入荷・セールのお知らせをお届けします。",
      "登録する", "注文状況", "ショップトップ", "提携先", "表示価格はすべて税込です。", "カートに入れる",
      "在庫あり", "在庫切れ", "型番", "通常価格", "こちらもおすすめ", "商品説明", "ブランド", "数量",
      "お気に入りに追加", "旧モデルをお探しですか？ 以前のバージョンを見る", "件のレビュー",
      "2〜4営業日で発送 &middot; 30日間返品可能",
      "出品者に連絡する", "売り切れ");

  static final Phrases PORTUGUESE = new Phrases("Pular para o conteúdo",
      "Frete grátis acima de {amount} &middot; Troca em 30 dias", "Buscar", "Buscar produtos", "Buscar",
      "Minha conta", "Carrinho (0)", "Início", "Assine nossa newsletter",
      "Novidades, reposições e promoções. Sem spam.", "Assinar", "Acompanhar pedido", "Página inicial",
      "Parceiro", "Preços com impostos inclusos.", "Adicionar ao carrinho", "Em estoque", "Esgotado", "Código",
      "De", "Você também pode gostar", "Descrição", "Marca", "Quantidade", "Adicionar aos favoritos",
      "Procurando o modelo anterior? Veja a versão anterior", "avaliações",
      "Enviado em 2 a 4 dias úteis &middot; Troca em 30 dias",
      "Falar com o vendedor", "Anúncio indisponível");

  static final Phrases ITALIAN = new Phrases("Vai al contenuto",
      "Spedizione gratuita sopra {amount} &middot; Reso entro 30 giorni", "Cerca", "Cerca prodotti", "Cerca",
      "Il mio account", "Carrello (0)", "Home", "Iscriviti alla newsletter",
      "Novità, riassortimenti e qualche saldo. Niente spam.", "Iscriviti", "Stato dell&#39;ordine",
      "Torna alla home", "Partner", "Tutti i prezzi sono IVA inclusa.", "Aggiungi al carrello", "Disponibile",
      "Esaurito", "Cod. articolo", "invece di", "Potrebbe piacerti anche", "Descrizione", "Marca", "Quantità",
      "Aggiungi ai preferiti", "Cerchi il modello precedente? Vedi la versione precedente", "recensioni",
      "Spedito in 2&ndash;4 giorni lavorativi &middot; Reso entro 30 giorni",
      "Contatta il venditore", "Annuncio non disponibile");

  static final Phrases DUTCH = new Phrases("Naar de inhoud",
      "Gratis verzending vanaf {amount} &middot; 30 dagen retour", "Zoeken", "Zoek producten", "Zoeken",
      "Mijn account", "Winkelwagen (0)", "Home", "Schrijf je in voor de nieuwsbrief",
      "Nieuwe producten, aanvullingen &amp; af en toe een uitverkoop. Geen spam.", "Inschrijven",
      "Bestelstatus", "Naar de winkel", "Partner", "Alle prijzen zijn inclusief btw.", "In winkelwagen",
      "Op voorraad", "Uitverkocht", "Artikelnummer", "Van", "Misschien ook leuk", "Beschrijving", "Merk",
      "Aantal", "Op verlanglijst", "Op zoek naar het vorige model? Bekijk de vorige versie", "reviews",
      "Voor 22:00 besteld, morgen in huis &middot; 30 dagen retour",
      "Contact opnemen met verkoper", "Advertentie niet beschikbaar");
}
