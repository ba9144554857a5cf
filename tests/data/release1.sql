BEGIN TRANSACTION;
CREATE TABLE account_customers (
    id TEXT PRIMARY KEY, email TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
    password_hash TEXT NOT NULL, address TEXT, zip TEXT, created_at TEXT NOT NULL);
INSERT INTO "account_customers" VALUES('account:demo','demo@voicecart.example','Demo Shopper','scrypt$16384$8$1$EQhku5T2Hs0d2LTqEqS6gA$aOylrvzwzOHCuhyWMmr4kh6RF89Y0ivZKkFXumcycEm0kRlxLtF_vgdj9x1dsgidiZT62wk8VSomdgwwlQop-g','27 Willow Court, Apt 3B, Brooklyn, NY','11215','2026-12-06T01:07:03.748532+00:00');
CREATE TABLE "carts" (
   "customer_id" TEXT PRIMARY KEY,
   "revision" INTEGER NOT NULL,
   "lines" TEXT NOT NULL,
   "history" TEXT NOT NULL,
   "last_key" TEXT,
   "updated_at" TEXT
);
INSERT INTO "carts" VALUES('demo',5,'[{"product_id":"DA0001","name":"Whole Milk","quantity":"3","unit":null,"unit_price":"4.29","substitution":null}]','[{"lines":[],"last_key":null}]','["DA0001",null]','2026-12-06T01:07:05.921229Z');
INSERT INTO "carts" VALUES('release1-shopper',1,'[{"product_id":"DA0001","name":"Whole Milk","quantity":"1","unit":null,"unit_price":"4.29","substitution":null}]','[{"lines":[],"last_key":null}]','["DA0001",null]','2026-12-06T01:07:05.921229Z');
CREATE TABLE "catalog_meta" (
   "key" TEXT PRIMARY KEY,
   "value" TEXT
);
INSERT INTO "catalog_meta" VALUES('version','1');
CREATE TABLE "customers" (
   "id" TEXT PRIMARY KEY,
   "address" TEXT,
   "default_substitution" TEXT NOT NULL,
   "preferred_store_id" TEXT,
   "linked_account" TEXT
);
INSERT INTO "customers" VALUES('demo','{"line1":"27 Willow Court","line2":"Apt 3B","city":"Brooklyn","region":"NY","postal_code":"11215","instructions":"Ring the bell, then leave it with the doorman"}','{"mode":"allow","product_id":null,"name":null}','brooklyn',NULL);
INSERT INTO "customers" VALUES('account:demo','{"line1":"27 Willow Court","line2":"Apt 3B","city":"Brooklyn","region":"NY","postal_code":"11215","instructions":"Ring the bell, then leave it with the doorman"}','{"mode":"allow","product_id":null,"name":null}','brooklyn',NULL);
CREATE TABLE dialog_sessions (
                channel text not null, session_id text not null, customer_id text not null,
                state text not null, expires_at text not null,
                primary key (channel, session_id));
CREATE TABLE inbound_events (
    id TEXT PRIMARY KEY,
    order_id TEXT NOT NULL,
    received_at TEXT NOT NULL
);
CREATE TABLE login_throttles (
    key TEXT PRIMARY KEY, failures INTEGER NOT NULL, window_start TEXT, locked_until TEXT);
CREATE TABLE oauth_clients (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, secret_hash TEXT NOT NULL,
    redirect_uris TEXT NOT NULL, created_at TEXT NOT NULL);
INSERT INTO "oauth_clients" VALUES('client_alexa_demo','alexa','scrypt$16384$8$1$SX05yyikH0RAKejZT2Rd0Q$yyjeUaXGj8u2R1fgncuKmCNwsR9uToARIAMxzzita3xzcnd2BRwUcYkvCJfdsKDHKC5sEo7twjOp5CI4FzGjVA','["http://localhost/callback", "http://127.0.0.1/callback"]','2026-12-06T01:07:03.748532+00:00');
CREATE TABLE oauth_codes (
    code_hash TEXT PRIMARY KEY, client_id TEXT NOT NULL, customer_id TEXT NOT NULL,
    redirect_uri TEXT NOT NULL, scope TEXT, code_challenge TEXT NOT NULL,
    expires_at TEXT NOT NULL, used_at TEXT);
CREATE TABLE oauth_grants (
    id TEXT PRIMARY KEY, family TEXT NOT NULL, client_id TEXT NOT NULL,
    customer_id TEXT NOT NULL, scope TEXT, access_hash TEXT NOT NULL UNIQUE,
    refresh_hash TEXT NOT NULL UNIQUE, access_expires_at TEXT NOT NULL,
    refresh_expires_at TEXT NOT NULL, code_hash TEXT, revoked_at TEXT);
CREATE TABLE "order_lines" (
   "order_id" TEXT REFERENCES "orders"("id"),
   "position" INTEGER,
   "product_id" TEXT NOT NULL,
   "name" TEXT NOT NULL,
   "quantity" TEXT NOT NULL,
   "unit" TEXT,
   "unit_price" TEXT NOT NULL,
   "line_total_cents" INTEGER NOT NULL,
   "substitution" TEXT NOT NULL, asked_quantity TEXT, asked_unit TEXT, estimated INTEGER NOT NULL DEFAULT 0,
   PRIMARY KEY ("order_id", "position")
);
INSERT INTO "order_lines" VALUES('Y730Z6RYFJ',0,'PR0001','Bananas','5',NULL,'0.29',145,'{"mode":"allow","product_id":null,"name":null}',NULL,NULL,0);
INSERT INTO "order_lines" VALUES('Y730Z6RYFJ',1,'PR0002','Bag of Organic Bananas','5',NULL,'2.49',1245,'{"mode":"allow","product_id":null,"name":null}',NULL,NULL,0);
INSERT INTO "order_lines" VALUES('Y730Z6RYFJ',2,'PR0003','Plantains','5',NULL,'0.79',395,'{"mode":"allow","product_id":null,"name":null}',NULL,NULL,0);
CREATE TABLE "orders" (
   "id" TEXT PRIMARY KEY,
   "customer_id" TEXT NOT NULL,
   "submission_key" TEXT NOT NULL,
   "created_at" TEXT NOT NULL,
   "kind" TEXT NOT NULL,
   "store_id" TEXT NOT NULL,
   "store_name" TEXT NOT NULL,
   "tz" TEXT NOT NULL,
   "slot_key" TEXT NOT NULL,
   "slot_start" TEXT NOT NULL,
   "slot_end" TEXT NOT NULL,
   "address" TEXT,
   "subtotal_cents" INTEGER NOT NULL,
   "delivery_fee_cents" INTEGER NOT NULL,
   "total_cents" INTEGER NOT NULL,
   "picking_at" TEXT NOT NULL,
   "cancelled_at" TEXT,
   "reported_status" TEXT,
   "picked" TEXT
);
INSERT INTO "orders" VALUES('Y730Z6RYFJ','demo','demo:3:1796519826','2026-12-06T01:07:05.921229Z','pickup','brooklyn','Greenleaf Market Brooklyn','America/New_York','brooklyn/pickup/2026-12-06T13:00Z','2026-12-06T13:00:00.000000Z','2026-12-06T14:00:00.000000Z','null',1785,0,1785,'2026-12-06T12:00:00.000000Z',NULL,NULL,NULL);
CREATE TABLE outbox_events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    order_id TEXT NOT NULL,
    type TEXT NOT NULL,
    created_at TEXT NOT NULL,
    body TEXT NOT NULL,
    state TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT,
    give_up_at TEXT,  -- NULL: created_at + the dispatcher's limit (a manual retry sets it)
    delivered_at TEXT,
    last_error TEXT
);
INSERT INTO "outbox_events" VALUES(1,'evt_7bda69b8806dd34cd2cd0e7a','Y730Z6RYFJ','order.placed','2026-12-06T01:07:05.921229Z','{"id":"evt_7bda69b8806dd34cd2cd0e7a","type":"order.placed","created_at":"2026-12-06T01:07:05.921+00:00","data":{"id":"Y730Z6RYFJ","user_id":"demo","status":"placed","created_at":"2026-12-06T01:07:05+00:00","total":17.85,"fulfillment":{"type":"pickup","store_id":"brooklyn","store_name":"Greenleaf Market Brooklyn","slot_start":"2026-12-06T08:00-05:00","slot_end":"2026-12-06T09:00-05:00","fee":0.0},"items":[{"product_id":"PR0001","name":"Bananas","quantity":5,"unit":null,"unit_price":0.29,"line_total":1.45,"asked":{"quantity":5,"unit":null},"estimated":false,"substitution":{"mode":"allow","product_id":null,"name":null}},{"product_id":"PR0002","name":"Bag of Organic Bananas","quantity":5,"unit":null,"unit_price":2.49,"line_total":12.45,"asked":{"quantity":5,"unit":null},"estimated":false,"substitution":{"mode":"allow","product_id":null,"name":null}},{"product_id":"PR0003","name":"Plantains","quantity":5,"unit":null,"unit_price":0.79,"line_total":3.95,"asked":{"quantity":5,"unit":null},"estimated":false,"substitution":{"mode":"allow","product_id":null,"name":null}}],"customer_id":"demo","subtotal":17.85,"delivery_fee":0.0,"delivery_notes":null}}','pending',0,'2026-12-06T01:07:05.921229Z',NULL,NULL,NULL);
CREATE TABLE outbox_leases (
    name TEXT PRIMARY KEY,
    holder TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE TABLE "products" (
   "id" TEXT PRIMARY KEY,
   "name" TEXT NOT NULL,
   "price" TEXT NOT NULL,
   "brand" TEXT,
   "department" TEXT,
   "aisle" TEXT,
   "size" TEXT,
   "synonyms" TEXT,
   "in_stock" INTEGER,
   "popularity" REAL,
   "extra" TEXT,
   "sold_by" TEXT,
   "price_unit" TEXT,
   "avg_weight" TEXT,
   "taxable" INTEGER
);
INSERT INTO "products" VALUES('PR0001','Bananas','0.29',NULL,'produce','fresh fruits','each','banana|yellow bananas',1,97.0,'{"variant_group": "banana"}','each',NULL,'0.4 lb',0);
INSERT INTO "products" VALUES('PR0002','Bag of Organic Bananas','2.49','Harvest Lane Organics','produce','fresh fruits','3 lb bag','organic bananas|organic banana',1,84.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PR0003','Plantains','0.79',NULL,'produce','fresh fruits','each','plantain|platanos',1,28.0,NULL,'each',NULL,'0.6 lb',0);
INSERT INTO "products" VALUES('PR0004','Gala Apples','1.99','Hillside Growers','produce','fresh fruits','per lb','gala apple|apples',1,78.0,NULL,'weight','lb','0.4 lb',0);
INSERT INTO "products" VALUES('PR0005','Fuji Apples','2.19','Hillside Growers','produce','fresh fruits','per lb','fuji apple',1,70.0,NULL,'weight','lb','0.4 lb',0);
INSERT INTO "products" VALUES('PR0006','Honeycrisp Apples','2.99','Hillside Growers','produce','fresh fruits','per lb','honeycrisp apple|honey crisp apples',1,80.0,NULL,'weight','lb','0.5 lb',0);
INSERT INTO "products" VALUES('PR0007','Granny Smith Apples','2.19','Hillside Growers','produce','fresh fruits','per lb','granny smith apple|green apples|green apple',1,62.0,NULL,'weight','lb','0.4 lb',0);
INSERT INTO "products" VALUES('PR0008','Braeburn Apples','2.29','Hillside Growers','produce','fresh fruits','per lb','braeburn apple',1,30.0,NULL,'weight','lb','0.4 lb',0);
INSERT INTO "products" VALUES('PR0009','Bag of Gala Apples','4.99','Hillside Growers','produce','fresh fruits','3 lb bag','gala apples bag',1,66.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PR0010','Organic Honeycrisp Apples','6.99','Harvest Lane Organics','produce','fresh fruits','2 lb bag','organic apples|organic honeycrisp',1,44.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PR0011','Red Seedless Grapes','2.99','Hillside Growers','produce','fresh fruits','per lb','red grapes|grapes',1,72.0,NULL,'weight','lb',NULL,0);
INSERT INTO "products" VALUES('PR0012','Green Seedless Grapes','2.99','Hillside Growers','produce','fresh fruits','per lb','green grapes|white grapes',1,68.0,NULL,'weight','lb',NULL,0);
INSERT INTO "products" VALUES('PR0013','Black Seedless Grapes','3.49','Hillside Growers','produce','fresh fruits','per lb','black grapes',1,28.0,NULL,'weight','lb',NULL,0);
INSERT INTO "products" VALUES('PR0014','Lemons','0.69',NULL,'produce','fresh fruits','each','lemon',1,75.0,NULL,'each',NULL,'0.25 lb',0);
INSERT INTO "products" VALUES('PR0015','Bag of Lemons','4.49','Hillside Growers','produce','fresh fruits','2 lb bag','lemons bag',1,40.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PR0016','Limes','0.39',NULL,'produce','fresh fruits','each','lime',1,72.0,NULL,'each',NULL,'0.15 lb',0);
INSERT INTO "products" VALUES('PR0017','Hass Avocados','1.29',NULL,'produce','fresh fruits','each','avocado|avocados|haas avocado',1,80.0,'{"variant_group": "hass avocado"}','each',NULL,'0.4 lb',0);
INSERT INTO "products" VALUES('PR0018','Bag of Avocados','4.99','Hillside Growers','produce','fresh fruits','4 ct bag','avocados bag',1,55.0,'{"variant_group": "hass avocado"}','pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PR0019','Navel Oranges','1.49',NULL,'produce','fresh fruits','per lb','orange|oranges|navel orange',1,64.0,NULL,'weight','lb','0.5 lb',0);
INSERT INTO "products" VALUES('PR0020','Mandarins','5.49','Hillside Growers','produce','fresh fruits','3 lb bag','clementines|mandarin oranges|little oranges|mandarin',1,62.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PR0021','Bartlett Pears','1.79',NULL,'produce','fresh fruits','per lb','pear|pears|bartlett pear',1,45.0,NULL,'weight','lb','0.45 lb',0);
INSERT INTO "products" VALUES('PR0022','Bosc Pears','1.99',NULL,'produce','fresh fruits','per lb','bosc pear|brown pears',1,30.0,NULL,'weight','lb','0.45 lb',0);
INSERT INTO "products" VALUES('PR0023','Green Anjou Pears','1.79',NULL,'produce','fresh fruits','per lb','anjou pears|green pears',1,34.0,NULL,'weight','lb','0.45 lb',0);
INSERT INTO "products" VALUES('PR0024','Strawberries','3.99','Hillside Growers','produce','fresh fruits','1 lb','strawberry|fresh strawberries',1,82.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PR0025','Organic Strawberries','5.99','Harvest Lane Organics','produce','fresh fruits','1 lb','organic strawberry',1,52.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PR0026','Blueberries','3.49','Hillside Growers','produce','fresh fruits','6 oz','blueberry|fresh blueberries',1,74.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PR0027','Blueberries','4.99','Hillside Growers','produce','fresh fruits','1 pint','',1,50.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PR0028','Raspberries','3.99','Hillside Growers','produce','fresh fruits','6 oz','raspberry',1,55.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PR0029','Blackberries','3.49','Hillside Growers','produce','fresh fruits','6 oz','blackberry',1,42.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PR0030','Medjool Dates','6.99','Hillside Growers','produce','fresh fruits','12 oz','dates|fresh dates|medjool',1,28.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PR0031','Whole Pineapple','2.99',NULL,'produce','fresh fruits','each','pineapple',1,50.0,NULL,'each',NULL,'4 lb',0);
INSERT INTO "products" VALUES('PR0032','Pineapple Chunks','4.99','Hillside Growers','produce','fresh fruits','16 oz','cut pineapple|fresh pineapple chunks',1,38.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PR0033','Cantaloupe','2.99',NULL,'produce','fresh fruits','each','cantaloupe melon|muskmelon',1,45.0,NULL,'each',NULL,'3 lb',0);
INSERT INTO "products" VALUES('PR0034','Seedless Watermelon','6.99',NULL,'produce','fresh fruits','each','watermelon',1,50.0,NULL,'each',NULL,'15 lb',0);
INSERT INTO "products" VALUES('PR0035','Mini Seedless Watermelon','4.49',NULL,'produce','fresh fruits','each','personal watermelon|small watermelon',1,28.0,NULL,'each',NULL,'4 lb',0);
INSERT INTO "products" VALUES('PR0036','Honeydew Melon','3.99',NULL,'produce','fresh fruits','each','honeydew',1,28.0,NULL,'each',NULL,'5 lb',0);
INSERT INTO "products" VALUES('PR0037','Yellow Peaches','2.49',NULL,'produce','fresh fruits','per lb','peaches|peach',1,40.0,NULL,'weight','lb','0.35 lb',0);
INSERT INTO "products" VALUES('PR0038','Nectarines','2.49',NULL,'produce','fresh fruits','per lb','nectarine',1,30.0,NULL,'weight','lb','0.3 lb',0);
INSERT INTO "products" VALUES('PR0039','Red Plums','2.29',NULL,'produce','fresh fruits','per lb','plums|plum',1,22.0,NULL,'weight','lb','0.25 lb',0);
INSERT INTO "products" VALUES('PR0040','Mangoes','1.29',NULL,'produce','fresh fruits','each','mango',1,48.0,NULL,'each',NULL,'0.75 lb',0);
INSERT INTO "products" VALUES('PR0041','Kiwi','0.59',NULL,'produce','fresh fruits','each','kiwis|kiwifruit|kiwi fruit',1,35.0,NULL,'each',NULL,'0.2 lb',0);
INSERT INTO "products" VALUES('PR0042','Bing Cherries','5.99','Hillside Growers','produce','fresh fruits','per lb','cherries|cherry|sweet cherries',0,38.0,NULL,'weight','lb',NULL,0);
INSERT INTO "products" VALUES('PR0043','Pomegranate','2.49',NULL,'produce','fresh fruits','each','pomegranates',1,18.0,NULL,'each',NULL,'0.75 lb',0);
INSERT INTO "products" VALUES('PR0044','Red Grapefruit','1.29',NULL,'produce','fresh fruits','each','grapefruit',1,25.0,NULL,'each',NULL,'1 lb',0);
INSERT INTO "products" VALUES('PR0045','Coconut','2.99',NULL,'produce','fresh fruits','each','whole coconut',1,10.0,NULL,'each',NULL,'1.5 lb',0);
INSERT INTO "products" VALUES('PR0046','Papaya','3.99',NULL,'produce','fresh fruits','each','papayas',1,12.0,NULL,'each',NULL,'2 lb',0);
INSERT INTO "products" VALUES('PR0047','Yellow Onions','3.49','Hillside Growers','produce','fresh vegetables','3 lb bag','onions|yellow onion bag',1,78.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PR0048','Yellow Onion','0.99',NULL,'produce','fresh vegetables','each','onion|yellow onions',1,62.0,NULL,'each',NULL,'0.5 lb',0);
INSERT INTO "products" VALUES('PR0049','Red Onion','1.19',NULL,'produce','fresh vegetables','each','red onions|purple onion',1,58.0,NULL,'each',NULL,'0.5 lb',0);
INSERT INTO "products" VALUES('PR0050','White Onion','1.09',NULL,'produce','fresh vegetables','each','white onions',1,45.0,NULL,'each',NULL,'0.5 lb',0);
INSERT INTO "products" VALUES('PR0051','Sweet Onion','1.29',NULL,'produce','fresh vegetables','each','sweet onions',1,38.0,NULL,'each',NULL,'0.75 lb',0);
INSERT INTO "products" VALUES('PR0052','Green Onions','0.99',NULL,'produce','fresh vegetables','1 bunch','scallions|spring onions|green onion',1,55.0,NULL,'each',NULL,NULL,0);
INSERT INTO "products" VALUES('PR0053','Shallots','2.99','Hillside Growers','produce','fresh vegetables','8 oz','shallot',1,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PR0054','Garlic','0.69',NULL,'produce','fresh vegetables','1 head','garlic bulb|fresh garlic',1,76.0,NULL,'each',NULL,NULL,0);
INSERT INTO "products" VALUES('PR0055','Peeled Garlic Cloves','3.49','Hillside Growers','produce','fresh vegetables','6 oz','peeled garlic|garlic cloves',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PR0056','Russet Potatoes','4.49','Hillside Growers','produce','fresh vegetables','5 lb bag','potatoes|baking potatoes|russet potato',1,80.0,'{"variant_group": "russet potato"}','pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PR0057','Russet Potato','0.99',NULL,'produce','fresh vegetables','each','baking potato|potato',1,45.0,'{"variant_group": "russet potato"}','each',NULL,'0.6 lb',0);
INSERT INTO "products" VALUES('PR0058','Red Potatoes','3.99','Hillside Growers','produce','fresh vegetables','3 lb bag','red potato|red skin potatoes',1,55.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PR0059','Yukon Gold Potatoes','4.49','Hillside Growers','produce','fresh vegetables','3 lb bag','gold potatoes|yellow potatoes|yukon potatoes',1,55.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PR0060','Baby Potatoes','3.99','Hillside Growers','produce','fresh vegetables','1.5 lb','little potatoes|creamer potatoes',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PR0061','Sweet Potatoes','1.29',NULL,'produce','fresh vegetables','per lb','sweet potato|yams|yam',1,58.0,NULL,'weight','lb','0.6 lb',0);
INSERT INTO "products" VALUES('PR0062','Roma Tomatoes','1.49',NULL,'produce','fresh vegetables','per lb','roma tomato|plum tomatoes|tomatoes',1,70.0,NULL,'weight','lb','0.15 lb',0);
INSERT INTO "products" VALUES('PR0063','Cherry Tomatoes','2.99','Hillside Growers','produce','fresh vegetables','1 pint','cherry tomato',1,62.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PR0064','Grape Tomatoes','2.99','Hillside Growers','produce','fresh vegetables','1 pint','grape tomato',1,55.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PR0065','Tomatoes on the Vine','2.99',NULL,'produce','fresh vegetables','per lb','vine tomatoes|vine ripe tomatoes|tomatoes on vine',1,58.0,NULL,'weight','lb','0.3 lb',0);
INSERT INTO "products" VALUES('PR0066','Beefsteak Tomato','1.49',NULL,'produce','fresh vegetables','each','large tomato|slicing tomato|tomato',1,40.0,NULL,'each',NULL,'0.5 lb',0);
INSERT INTO "products" VALUES('PR0067','Cucumber','0.89',NULL,'produce','fresh vegetables','each','cucumbers|cuke',1,68.0,NULL,'each',NULL,'0.6 lb',0);
INSERT INTO "products" VALUES('PR0068','English Cucumber','1.79',NULL,'produce','fresh vegetables','each','seedless cucumber|hothouse cucumber',1,40.0,NULL,'each',NULL,'0.8 lb',0);
INSERT INTO "products" VALUES('PR0069','Mini Cucumbers','3.49','Hillside Growers','produce','fresh vegetables','1 lb','persian cucumbers|snacking cucumbers',1,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PR0070','Zucchini','1.79',NULL,'produce','fresh vegetables','per lb','zucchini squash|courgette|zucchinis',1,55.0,NULL,'weight','lb','0.5 lb',0);
INSERT INTO "products" VALUES('PR0071','Yellow Squash','1.79',NULL,'produce','fresh vegetables','per lb','summer squash',1,35.0,NULL,'weight','lb','0.45 lb',0);
INSERT INTO "products" VALUES('PR0072','Eggplant','1.99',NULL,'produce','fresh vegetables','each','aubergine|egg plant',1,35.0,NULL,'each',NULL,'1.25 lb',0);
INSERT INTO "products" VALUES('PR0073','Butternut Squash','3.49',NULL,'produce','fresh vegetables','each','butternut',1,30.0,NULL,'each',NULL,'2.5 lb',0);
INSERT INTO "products" VALUES('PR0074','Spaghetti Squash','3.99',NULL,'produce','fresh vegetables','each','',1,20.0,NULL,'each',NULL,'3 lb',0);
INSERT INTO "products" VALUES('PR0075','Acorn Squash','1.99',NULL,'produce','fresh vegetables','each','',1,15.0,NULL,'each',NULL,'1.5 lb',0);
INSERT INTO "products" VALUES('PR0076','Carrots','2.29','Hillside Growers','produce','fresh vegetables','2 lb bag','carrot',1,70.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PR0077','Baby Carrots','1.79','Hillside Growers','produce','fresh vegetables','1 lb bag','baby carrot|mini carrots',1,72.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PR0078','Bunched Carrots','1.99',NULL,'produce','fresh vegetables','1 bunch','carrots with tops',1,22.0,NULL,'each',NULL,NULL,0);
INSERT INTO "products" VALUES('PR0079','Celery','1.99',NULL,'produce','fresh vegetables','1 bunch','celery stalks',1,62.0,NULL,'each',NULL,NULL,0);
INSERT INTO "products" VALUES('PR0080','Celery Hearts','3.49','Hillside Growers','produce','fresh vegetables','16 oz','',1,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PR0081','Iceberg Lettuce','1.99',NULL,'produce','fresh vegetables','1 head','lettuce|iceberg',1,50.0,NULL,'each',NULL,NULL,0);
INSERT INTO "products" VALUES('PR0082','Romaine Hearts','3.99','Hillside Growers','produce','fresh vegetables','3 ct','romaine lettuce|romaine',1,62.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PR0083','Green Leaf Lettuce','1.99',NULL,'produce','fresh vegetables','1 head','leaf lettuce',1,35.0,NULL,'each',NULL,NULL,0);
INSERT INTO "products" VALUES('PR0084','Butter Lettuce','2.99',NULL,'produce','fresh vegetables','1 head','bibb lettuce|boston lettuce',1,25.0,NULL,'each',NULL,NULL,0);
INSERT INTO "products" VALUES('PR0085','Spring Mix','3.99','Hillside Growers','produce','fresh vegetables','5 oz','mixed greens|salad mix|spring greens',1,50.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PR0086','Baby Spinach','3.49','Hillside Growers','produce','fresh vegetables','5 oz','spinach',1,64.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PR0087','Organic Baby Spinach','5.99','Harvest Lane Organics','produce','fresh vegetables','10 oz','organic spinach',1,40.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PR0088','Bunch Spinach','2.49',NULL,'produce','fresh vegetables','1 bunch','fresh spinach',1,22.0,NULL,'each',NULL,NULL,0);
INSERT INTO "products" VALUES('PR0089','Curly Kale','1.99',NULL,'produce','fresh vegetables','1 bunch','kale',1,40.0,NULL,'each',NULL,NULL,0);
INSERT INTO "products" VALUES('PR0090','Baby Kale','3.99','Hillside Growers','produce','fresh vegetables','5 oz','',1,20.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PR0091','Broccoli Crowns','2.29',NULL,'produce','fresh vegetables','per lb','broccoli',1,66.0,NULL,'weight','lb','0.6 lb',0);
INSERT INTO "products" VALUES('PR0092','Broccoli Florets','3.99','Hillside Growers','produce','fresh vegetables','12 oz','cut broccoli',1,45.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PR0093','Cauliflower','3.49',NULL,'produce','fresh vegetables','1 head','',1,45.0,NULL,'each',NULL,NULL,0);
INSERT INTO "products" VALUES('PR0094','Green Cabbage','2.49',NULL,'produce','fresh vegetables','1 head','cabbage',1,35.0,NULL,'each',NULL,NULL,0);
INSERT INTO "products" VALUES('PR0095','Red Cabbage','2.79',NULL,'produce','fresh vegetables','1 head','purple cabbage',1,20.0,NULL,'each',NULL,NULL,0);
INSERT INTO "products" VALUES('PR0096','Brussels Sprouts','3.49',NULL,'produce','fresh vegetables','per lb','brussel sprouts|brussels',1,38.0,NULL,'weight','lb',NULL,0);
INSERT INTO "products" VALUES('PR0097','Asparagus','3.99',NULL,'produce','fresh vegetables','1 bunch','asparagus spears',1,45.0,NULL,'each',NULL,NULL,0);
INSERT INTO "products" VALUES('PR0098','Green Beans','2.49',NULL,'produce','fresh vegetables','per lb','string beans|fresh green beans',1,48.0,NULL,'weight','lb',NULL,0);
INSERT INTO "products" VALUES('PR0099','Sugar Snap Peas','3.49','Hillside Growers','produce','fresh vegetables','8 oz','snap peas',1,28.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PR0100','Green Bell Pepper','0.99',NULL,'produce','fresh vegetables','each','green pepper|bell pepper',1,55.0,NULL,'each',NULL,'0.4 lb',0);
INSERT INTO "products" VALUES('PR0101','Red Bell Pepper','1.49',NULL,'produce','fresh vegetables','each','red pepper',1,58.0,NULL,'each',NULL,'0.4 lb',0);
INSERT INTO "products" VALUES('PR0102','Yellow Bell Pepper','1.49',NULL,'produce','fresh vegetables','each','yellow pepper',1,35.0,NULL,'each',NULL,'0.4 lb',0);
INSERT INTO "products" VALUES('PR0103','Mini Sweet Peppers','3.99','Hillside Growers','produce','fresh vegetables','1 lb','baby peppers|snacking peppers',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PR0104','Jalapeno Peppers','1.49',NULL,'produce','fresh vegetables','per lb','jalapeno|jalapenos|jalapeño',1,42.0,NULL,'weight','lb','0.05 lb',0);
INSERT INTO "products" VALUES('PR0105','Serrano Peppers','2.49',NULL,'produce','fresh vegetables','per lb','serrano',1,15.0,NULL,'weight','lb','0.03 lb',0);
INSERT INTO "products" VALUES('PR0106','Poblano Peppers','2.49',NULL,'produce','fresh vegetables','per lb','poblano',1,15.0,NULL,'weight','lb','0.2 lb',0);
INSERT INTO "products" VALUES('PR0107','Sweet Corn','0.69',NULL,'produce','fresh vegetables','each','corn on the cob|ear of corn|corn',1,40.0,NULL,'each',NULL,'0.6 lb',0);
INSERT INTO "products" VALUES('PR0108','White Mushrooms','2.49','Hillside Growers','produce','fresh vegetables','8 oz','mushrooms|button mushrooms',1,55.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PR0109','Sliced White Mushrooms','2.79','Hillside Growers','produce','fresh vegetables','8 oz','sliced mushrooms',1,48.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PR0110','Baby Bella Mushrooms','2.99','Hillside Growers','produce','fresh vegetables','8 oz','cremini mushrooms|baby portobello',0,42.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PR0111','Portobello Mushroom Caps','3.99','Hillside Growers','produce','fresh vegetables','6 oz','portobello mushrooms',1,20.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PR0112','Shiitake Mushrooms','3.99','Hillside Growers','produce','fresh vegetables','3.5 oz','shiitake',0,12.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PR0113','Leeks','2.99',NULL,'produce','fresh vegetables','1 bunch','leek',1,22.0,NULL,'each',NULL,NULL,0);
INSERT INTO "products" VALUES('PR0114','Fennel Bulb','2.49',NULL,'produce','fresh vegetables','each','fennel',1,10.0,NULL,'each',NULL,'0.75 lb',0);
INSERT INTO "products" VALUES('PR0115','Beets','2.99',NULL,'produce','fresh vegetables','1 bunch','beet|red beets',1,18.0,NULL,'each',NULL,NULL,0);
INSERT INTO "products" VALUES('PR0116','Radishes','1.29',NULL,'produce','fresh vegetables','1 bunch','radish',1,18.0,NULL,'each',NULL,NULL,0);
INSERT INTO "products" VALUES('PR0117','Parsnips','2.49',NULL,'produce','fresh vegetables','per lb','parsnip',1,10.0,NULL,'weight','lb','0.3 lb',0);
INSERT INTO "products" VALUES('PR0118','Ginger Root','3.99',NULL,'produce','fresh vegetables','per lb','ginger|fresh ginger',1,40.0,NULL,'weight','lb',NULL,0);
INSERT INTO "products" VALUES('PR0119','Turmeric Root','2.49','Hillside Growers','produce','fresh vegetables','4 oz','fresh turmeric',1,8.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PR0120','Artichoke','2.49',NULL,'produce','fresh vegetables','each','globe artichoke|artichokes',1,12.0,NULL,'each',NULL,'0.5 lb',0);
INSERT INTO "products" VALUES('PR0121','Baby Bok Choy','1.99',NULL,'produce','fresh vegetables','per lb','bok choy|pak choi',1,20.0,NULL,'weight','lb','0.25 lb',0);
INSERT INTO "products" VALUES('PR0122','Okra','3.49',NULL,'produce','fresh vegetables','per lb','',1,10.0,NULL,'weight','lb',NULL,0);
INSERT INTO "products" VALUES('PR0123','Coleslaw Mix','2.49','Hillside Growers','produce','fresh vegetables','14 oz','slaw mix|shredded cabbage',1,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PR0124','Caesar Salad Kit','3.99','Hillside Growers','produce','fresh vegetables','10 oz','caesar salad',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PR0125','Cilantro','0.99',NULL,'produce','fresh herbs','1 bunch','fresh cilantro|coriander leaves|coriander',1,58.0,NULL,'each',NULL,NULL,0);
INSERT INTO "products" VALUES('PR0126','Italian Parsley','0.99',NULL,'produce','fresh herbs','1 bunch','flat leaf parsley|parsley',1,45.0,NULL,'each',NULL,NULL,0);
INSERT INTO "products" VALUES('PR0127','Curly Parsley','0.99',NULL,'produce','fresh herbs','1 bunch','parsley',1,28.0,NULL,'each',NULL,NULL,0);
INSERT INTO "products" VALUES('PR0128','Fresh Thyme','2.49','Hillside Growers','produce','fresh herbs','0.75 oz','thyme',0,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PR0129','Fresh Rosemary','2.49','Hillside Growers','produce','fresh herbs','0.75 oz','rosemary',1,28.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PR0130','Fresh Basil','2.49','Hillside Growers','produce','fresh herbs','0.75 oz','basil|sweet basil',1,42.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PR0131','Living Basil','3.99','Hillside Growers','produce','fresh herbs','each','basil plant|potted basil',1,15.0,NULL,'each',NULL,NULL,0);
INSERT INTO "products" VALUES('PR0132','Fresh Mint','2.49','Hillside Growers','produce','fresh herbs','0.75 oz','mint|spearmint',1,22.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PR0133','Fresh Dill','2.49','Hillside Growers','produce','fresh herbs','0.75 oz','dill',1,18.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PR0134','Fresh Sage','2.49','Hillside Growers','produce','fresh herbs','0.75 oz','sage',0,12.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PR0135','Fresh Oregano','2.49','Hillside Growers','produce','fresh herbs','0.75 oz','oregano',1,10.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PR0136','Fresh Chives','2.49','Hillside Growers','produce','fresh herbs','0.75 oz','chives',1,15.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PR0137','Lemongrass','1.49',NULL,'produce','fresh herbs','each','lemon grass',1,8.0,NULL,'each',NULL,NULL,0);
INSERT INTO "products" VALUES('PR0138','Organic Carrots','2.99','Harvest Lane Organics','produce','organic produce','2 lb bag','organic carrot',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PR0139','Organic Gala Apples','5.99','Harvest Lane Organics','produce','organic produce','2 lb bag','organic gala',1,38.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PR0140','Organic Hass Avocados','6.49','Harvest Lane Organics','produce','organic produce','4 ct bag','organic avocados',1,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PR0141','Organic Celery','2.99','Harvest Lane Organics','produce','organic produce','1 bunch','',1,28.0,NULL,'each',NULL,NULL,0);
INSERT INTO "products" VALUES('PR0142','Organic Lemons','3.99','Harvest Lane Organics','produce','organic produce','1 lb bag','',1,18.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PR0143','Bunch of Bananas','0.59',NULL,'produce','fresh fruits','1 bunch','bunch of bananas|bananas bunch',1,60.0,'{"variant_group": "banana"}','weight','lb','2.5 lb',0);
INSERT INTO "products" VALUES('DA0001','Whole Milk','4.29','Meadow Valley','dairy and eggs','milk','1 gal','vitamin d milk|regular milk',1,98.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0002','Whole Milk','2.79','Meadow Valley','dairy and eggs','milk','0.5 gal','vitamin d milk',1,86.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0003','Whole Milk','1.99','Meadow Valley','dairy and eggs','milk','1 qt','',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0004','Whole Milk','3.79','Harvest Lane','dairy and eggs','milk','1 gal','vitamin d milk',1,88.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0005','2% Reduced Fat Milk','4.29','Meadow Valley','dairy and eggs','milk','1 gal','two percent milk|2 percent milk|2% milk|reduced fat milk',1,95.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0006','2% Reduced Fat Milk','2.79','Meadow Valley','dairy and eggs','milk','0.5 gal','two percent milk|2 percent milk|2% milk',1,82.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0007','2% Reduced Fat Milk','3.79','Harvest Lane','dairy and eggs','milk','1 gal','two percent milk|2 percent milk|2% milk',1,85.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0008','1% Low Fat Milk','4.29','Meadow Valley','dairy and eggs','milk','1 gal','one percent milk|1 percent milk|1% milk|low fat milk',1,70.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0009','1% Low Fat Milk','2.79','Meadow Valley','dairy and eggs','milk','0.5 gal','one percent milk|1 percent milk|1% milk|low fat milk',1,60.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0010','Fat Free Skim Milk','4.29','Meadow Valley','dairy and eggs','milk','1 gal','skim milk|fat free milk|nonfat milk|non fat milk',1,62.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0011','Fat Free Skim Milk','2.79','Meadow Valley','dairy and eggs','milk','0.5 gal','skim milk|fat free milk|nonfat milk',1,55.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0012','Organic Whole Milk','5.49','Meadow Valley Organic','dairy and eggs','milk','0.5 gal','organic milk|organic vitamin d milk',1,70.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0013','Organic Whole Milk','8.99','Meadow Valley Organic','dairy and eggs','milk','1 gal','organic milk',1,50.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0014','Organic 2% Reduced Fat Milk','5.49','Meadow Valley Organic','dairy and eggs','milk','0.5 gal','organic two percent milk|organic 2 percent milk|organic 2% milk',0,60.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0015','Organic 2% Reduced Fat Milk','8.99','Meadow Valley Organic','dairy and eggs','milk','1 gal','organic two percent milk|organic 2 percent milk|organic 2% milk',1,42.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0016','Organic Fat Free Milk','5.49','Meadow Valley Organic','dairy and eggs','milk','0.5 gal','organic skim milk|organic nonfat milk',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0017','Lactose Free Whole Milk','4.49','Meadow Valley','dairy and eggs','milk','0.5 gal','lactose free milk|lactose-free whole milk',1,45.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0018','Lactose Free 2% Milk','4.49','Meadow Valley','dairy and eggs','milk','0.5 gal','lactose free two percent milk|lactose free 2 percent milk|lactose free milk',1,50.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0019','Lactose Free Fat Free Milk','4.49','Meadow Valley','dairy and eggs','milk','0.5 gal','lactose free skim milk',1,22.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0020','Chocolate Milk','3.29','Meadow Valley','dairy and eggs','milk','0.5 gal','choc milk|chocolate flavored milk',1,55.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0021','Chocolate Milk','5.29','Meadow Valley','dairy and eggs','milk','1 gal','',1,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0022','Strawberry Milk','3.29','Meadow Valley','dairy and eggs','milk','0.5 gal','strawberry flavored milk',1,15.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0023','Buttermilk','2.49','Meadow Valley','dairy and eggs','milk','1 qt','cultured buttermilk|low fat buttermilk|butter milk',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0024','Half and Half','2.49','Meadow Valley','dairy and eggs','cream and creamer','1 pt','half n half|half & half|half-and-half|half and half cream',1,68.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0025','Half and Half','4.29','Meadow Valley','dairy and eggs','cream and creamer','1 qt','half n half|half & half',1,55.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0026','Fat Free Half and Half','2.49','Meadow Valley','dairy and eggs','cream and creamer','1 pt','fat free half n half',1,20.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0027','Heavy Whipping Cream','4.49','Meadow Valley','dairy and eggs','cream and creamer','1 pt','heavy cream|whipping cream',1,60.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0028','Heavy Whipping Cream','2.79','Meadow Valley','dairy and eggs','cream and creamer','8 fl oz','heavy cream|whipping cream|small heavy cream',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0029','Whipped Cream','3.49','Meadow Valley','dairy and eggs','cream and creamer','7 oz can','spray whipped cream|aerosol whipped cream',1,40.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0030','French Vanilla Coffee Creamer','4.79','Morning Pour','dairy and eggs','cream and creamer','32 fl oz','vanilla creamer|coffee creamer|french vanilla creamer',1,55.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0031','Hazelnut Coffee Creamer','4.79','Morning Pour','dairy and eggs','cream and creamer','32 fl oz','hazelnut creamer',1,40.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0032','Original Coffee Creamer','4.79','Morning Pour','dairy and eggs','cream and creamer','32 fl oz','creamer|plain creamer|coffee creamer',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0033','Oat Milk Creamer','4.99','Field Oat','dairy and eggs','cream and creamer','24 fl oz','oat creamer|dairy free creamer',1,20.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0034','Unsweetened Almond Milk','3.49','Nut Grove','dairy and eggs','plant based milk','0.5 gal','almond milk|unsweetened almond',1,55.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0035','Original Almond Milk','3.49','Nut Grove','dairy and eggs','plant based milk','0.5 gal','almond milk|sweetened almond milk',1,45.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0036','Vanilla Almond Milk','3.49','Nut Grove','dairy and eggs','plant based milk','0.5 gal','vanilla almond',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0037','Oat Milk','4.99','Field Oat','dairy and eggs','plant based milk','64 fl oz','oatmilk|oat beverage|original oat milk',1,50.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0038','Extra Creamy Oat Milk','5.29','Field Oat','dairy and eggs','plant based milk','64 fl oz','creamy oat milk',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0039','Soy Milk','3.29','Harvest Lane','dairy and eggs','plant based milk','0.5 gal','soymilk|original soy milk',1,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0040','Unsweetened Soy Milk','3.29','Harvest Lane','dairy and eggs','plant based milk','0.5 gal','unsweetened soymilk',1,18.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0041','Coconut Milk Beverage','3.49','Nut Grove','dairy and eggs','plant based milk','0.5 gal','coconut milk drink|coconut beverage',1,15.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0042','Large White Eggs','3.49','Sunny Acres','dairy and eggs','eggs','12 ct carton','eggs|white eggs|large eggs',1,96.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0043','Large White Eggs','4.99','Sunny Acres','dairy and eggs','eggs','18 ct carton','',1,70.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0044','Large White Eggs','2.99','Harvest Lane','dairy and eggs','eggs','12 ct carton','eggs|white eggs',1,85.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0045','Large Brown Eggs','4.29','Sunny Acres','dairy and eggs','eggs','12 ct carton','brown eggs',1,75.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0046','Large Brown Eggs','5.99','Sunny Acres','dairy and eggs','eggs','18 ct carton','',1,40.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0047','Cage Free Large Brown Eggs','4.99','Sunny Acres','dairy and eggs','eggs','12 ct carton','cage free eggs|cage-free eggs',1,60.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0048','Organic Large Brown Eggs','6.49','Sunny Acres Organic','dairy and eggs','eggs','12 ct carton','organic eggs|organic brown eggs',1,58.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0049','Pasture Raised Large Eggs','7.49','Sunny Acres','dairy and eggs','eggs','12 ct carton','pasture raised eggs|free range eggs',1,40.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0050','Extra Large White Eggs','3.79','Sunny Acres','dairy and eggs','eggs','12 ct carton','extra large eggs|xl eggs',0,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0051','Liquid Egg Whites','3.99','Sunny Acres','dairy and eggs','eggs','16 oz','egg whites|liquid egg white',1,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0052','Egg Substitute','3.49','Sunny Acres','dairy and eggs','eggs','16 oz','liquid eggs|egg replacer',1,15.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0053','Hard Boiled Eggs','3.49','Sunny Acres','dairy and eggs','eggs','6 ct','boiled eggs|hard-boiled eggs',1,22.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0054','Salted Butter','5.49','Meadow Valley','dairy and eggs','butter and margarine','1 lb','butter|salted sweet cream butter|butter sticks|stick butter',1,80.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0055','Unsalted Butter','5.49','Meadow Valley','dairy and eggs','butter and margarine','1 lb','unsalted sweet cream butter|sweet butter|no salt butter',1,65.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0056','Salted Butter','4.49','Harvest Lane','dairy and eggs','butter and margarine','1 lb','butter|butter sticks',1,72.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0057','Irish Style Salted Butter','3.99','Emerald Pasture','dairy and eggs','butter and margarine','8 oz','irish butter|grass fed butter',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0058','Spreadable Butter with Olive Oil','4.99','Meadow Valley','dairy and eggs','butter and margarine','15 oz','spreadable butter|soft butter|butter tub',1,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0059','Buttery Spread','2.99','Harvest Lane','dairy and eggs','butter and margarine','15 oz','margarine|butter spread|vegetable oil spread',1,32.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0060','Shredded Sharp Cheddar Cheese','2.99','Meadow Valley','dairy and eggs','cheese','8 oz','shredded cheddar|grated cheddar|shredded cheese|cheddar cheese shredded',1,72.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0061','Shredded Mild Cheddar Cheese','2.99','Meadow Valley','dairy and eggs','cheese','8 oz','shredded mild cheddar|mild cheddar',1,58.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0062','Shredded Mexican Style Four Cheese Blend','2.99','Meadow Valley','dairy and eggs','cheese','8 oz','mexican cheese|mexican blend|taco cheese|mexican shredded cheese',1,55.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0063','Shredded Mozzarella Cheese','2.99','Meadow Valley','dairy and eggs','cheese','8 oz','shredded mozzarella|pizza cheese|mozz|mozzarella',1,68.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0064','Shredded Mozzarella Cheese','4.99','Harvest Lane','dairy and eggs','cheese','16 oz','big bag of mozzarella|shredded mozzarella',1,40.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0065','Whole Milk Mozzarella Cheese','4.99','Meadow Valley','dairy and eggs','cheese','16 oz','mozzarella block',1,38.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0066','Fresh Mozzarella Ball','4.49','Bella Campo','dairy and eggs','cheese','8 oz','fresh mozzarella|mozzarella ball|fresh mozz',1,40.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0067','Sharp Cheddar Cheese','2.99','Meadow Valley','dairy and eggs','cheese','8 oz block','cheddar block|sharp cheddar|cheddar cheese|cheddar',1,60.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0068','Extra Sharp White Cheddar Cheese','3.49','Meadow Valley','dairy and eggs','cheese','8 oz block','white cheddar|extra sharp cheddar',1,42.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0069','Sliced Sharp Cheddar Cheese','3.29','Meadow Valley','dairy and eggs','cheese','8 oz','cheddar slices|sliced cheddar',1,50.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0070','Sliced Swiss Cheese','3.49','Meadow Valley','dairy and eggs','cheese','8 oz','swiss cheese|swiss slices|sliced swiss|swiss',1,48.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0071','Sliced Provolone Cheese','3.49','Meadow Valley','dairy and eggs','cheese','8 oz','provolone|provolone slices',0,45.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0072','Sliced Pepper Jack Cheese','3.49','Meadow Valley','dairy and eggs','cheese','8 oz','pepper jack|pepperjack',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0073','Monterey Jack Cheese','2.99','Meadow Valley','dairy and eggs','cheese','8 oz block','monterey jack|jack cheese',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0074','American Cheese Singles','3.29','Meadow Valley','dairy and eggs','cheese','16 ct','american cheese|american slices|cheese singles|sliced american cheese|cheese slices',1,62.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0075','Grated Parmesan Cheese','4.49','Bella Campo','dairy and eggs','cheese','8 oz','parmesan|parmesan cheese|grated parm|parm',1,55.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0076','Shredded Parmesan Cheese','3.99','Bella Campo','dairy and eggs','cheese','5 oz','shredded parm',1,38.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0077','Parmigiano Reggiano Wedge','8.99','Bella Campo','dairy and eggs','cheese','7 oz','parmigiano|parmesan wedge',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0078','Crumbled Feta Cheese','3.49','Aegean Hills','dairy and eggs','cheese','4 oz','feta|feta cheese',1,40.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0079','Crumbled Blue Cheese','3.99','Meadow Valley','dairy and eggs','cheese','4 oz','blue cheese|bleu cheese',1,22.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0080','Goat Cheese Log','3.99','Meadow Valley','dairy and eggs','cheese','4 oz','goat cheese|chevre',1,20.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0081','Brie','6.99','Meadow Valley','dairy and eggs','cheese','8 oz','brie cheese',1,18.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0082','Mozzarella String Cheese','4.99','Meadow Valley','dairy and eggs','cheese','12 ct','string cheese|cheese sticks',1,55.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0083','Whole Milk Ricotta Cheese','3.99','Bella Campo','dairy and eggs','cheese','15 oz','ricotta|ricotta cheese',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0084','Small Curd Cottage Cheese','3.29','Meadow Valley','dairy and eggs','cheese','16 oz','cottage cheese',1,45.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0085','Low Fat Cottage Cheese','3.29','Meadow Valley','dairy and eggs','cheese','16 oz','2% cottage cheese',1,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0086','Original Cream Cheese','2.79','Meadow Valley','dairy and eggs','cheese','8 oz','cream cheese|cream cheese brick',1,62.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0087','Whipped Cream Cheese Spread','3.49','Meadow Valley','dairy and eggs','cheese','8 oz','whipped cream cheese|cream cheese spread|cream cheese tub',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0088','Chive and Onion Cream Cheese Spread','3.49','Meadow Valley','dairy and eggs','cheese','8 oz','chive cream cheese|onion and chive cream cheese',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0089','Sour Cream','2.49','Meadow Valley','dairy and eggs','sour cream and dips','16 oz','sour cream tub',1,60.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0090','Light Sour Cream','2.49','Meadow Valley','dairy and eggs','sour cream and dips','16 oz','low fat sour cream',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0091','French Onion Dip','2.99','Meadow Valley','dairy and eggs','sour cream and dips','16 oz','onion dip|chip dip',1,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0092','Plain Greek Yogurt','5.49','Aegean Hills','dairy and eggs','yogurt','32 oz','greek yogurt|plain greek|nonfat greek yogurt',1,55.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0093','Vanilla Greek Yogurt','5.49','Aegean Hills','dairy and eggs','yogurt','32 oz','vanilla greek',1,45.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0094','Plain Greek Yogurt','1.29','Aegean Hills','dairy and eggs','yogurt','5.3 oz','single greek yogurt|greek yogurt cup',1,40.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0095','Strawberry Greek Yogurt','1.29','Aegean Hills','dairy and eggs','yogurt','5.3 oz','strawberry greek',1,42.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0096','Blueberry Greek Yogurt','1.29','Aegean Hills','dairy and eggs','yogurt','5.3 oz','blueberry greek',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0097','Whole Milk Plain Yogurt','3.99','Meadow Valley','dairy and eggs','yogurt','32 oz','plain yogurt|regular yogurt|yogurt',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0098','Low Fat Vanilla Yogurt','3.99','Meadow Valley','dairy and eggs','yogurt','32 oz','vanilla yogurt',1,32.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0099','Strawberry Low Fat Yogurt','0.79','Meadow Valley','dairy and eggs','yogurt','6 oz','strawberry yogurt',1,40.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0100','Strawberry Banana Low Fat Yogurt','0.79','Meadow Valley','dairy and eggs','yogurt','6 oz','strawberry banana yogurt',1,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0101','Blueberry Low Fat Yogurt','0.79','Meadow Valley','dairy and eggs','yogurt','6 oz','blueberry yogurt',1,28.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0102','Kids Yogurt Tubes','3.49','Meadow Valley','dairy and eggs','yogurt','8 ct','yogurt tubes|squeezable yogurt|yogurt sticks',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0103','Plain Kefir','4.49','Meadow Valley','dairy and eggs','yogurt','32 fl oz','kefir|drinkable yogurt',1,18.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0104','Flaky Biscuits','2.49','Golden Crust','dairy and eggs','refrigerated dough','16.3 oz','canned biscuits|biscuit dough|refrigerated biscuits',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0105','Crescent Rolls','2.79','Golden Crust','dairy and eggs','refrigerated dough','8 oz','crescent roll dough|crescents',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0106','Refrigerated Pie Crusts','3.49','Golden Crust','dairy and eggs','refrigerated dough','2 ct','pie crust|pie dough',1,20.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0107','Chocolate Chip Cookie Dough','3.99','Golden Crust','dairy and eggs','refrigerated dough','16 oz','cookie dough|refrigerated cookie dough',1,28.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DA0108','Large White Eggs','2.19','Sunny Acres','dairy and eggs','eggs','6 ct carton','half dozen eggs|six eggs',1,45.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BK0001','White Sandwich Bread','2.99','Golden Crust','bakery','bread','20 oz loaf','white bread|bread|sandwich bread',1,90.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BK0002','White Bread','1.69','Harvest Lane','bakery','bread','20 oz loaf','bread|sandwich bread',1,84.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BK0003','100% Whole Wheat Bread','3.49','Golden Crust','bakery','bread','24 oz loaf','wheat bread|whole wheat bread|brown bread',1,80.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BK0004','Honey Wheat Bread','3.29','Golden Crust','bakery','bread','20 oz loaf','honey wheat',1,50.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BK0005','Multigrain Bread','3.99','Golden Crust','bakery','bread','24 oz loaf','multi grain bread|12 grain bread|twelve grain bread|seeded bread',1,55.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BK0006','Sourdough Bread','4.49','Golden Crust','bakery','bread','1 loaf','sourdough|sourdough loaf|round sourdough',1,60.0,NULL,'each',NULL,NULL,0);
INSERT INTO "products" VALUES('BK0007','Sliced Sourdough Bread','3.99','Golden Crust','bakery','bread','24 oz loaf','sourdough sandwich bread|sliced sourdough',1,40.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BK0008','Seeded Rye Bread','3.99','Golden Crust','bakery','bread','16 oz loaf','rye bread|jewish rye|rye|caraway rye',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BK0009','Pumpernickel Bread','3.99','Golden Crust','bakery','bread','16 oz loaf','pumpernickel',1,15.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BK0010','Italian Bread','2.49','Golden Crust','bakery','bread','1 loaf','italian loaf',1,45.0,NULL,'each',NULL,NULL,0);
INSERT INTO "products" VALUES('BK0011','French Baguette','2.49','Golden Crust','bakery','bread','each','baguette|french bread',1,55.0,NULL,'each',NULL,NULL,0);
INSERT INTO "products" VALUES('BK0012','Ciabatta Bread','3.99','Golden Crust','bakery','bread','1 loaf','ciabatta',1,25.0,NULL,'each',NULL,NULL,0);
INSERT INTO "products" VALUES('BK0013','Brioche Loaf','4.99','Golden Crust','bakery','bread','16 oz loaf','brioche|brioche bread',1,20.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BK0014','Cinnamon Raisin Bread','3.79','Golden Crust','bakery','bread','16 oz loaf','raisin bread|cinnamon bread',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BK0015','Potato Bread','3.49','Golden Crust','bakery','bread','20 oz loaf','potato loaf',1,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BK0016','Gluten Free Sandwich Bread','6.49','Golden Crust','bakery','bread','18 oz loaf','gluten free bread|gf bread',1,20.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BK0017','Hamburger Buns','2.49','Golden Crust','bakery','buns and rolls','8 ct','burger buns|hamburger rolls|buns',1,70.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BK0018','Hot Dog Buns','2.49','Golden Crust','bakery','buns and rolls','8 ct','hot dog rolls|frankfurter buns',1,65.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BK0019','Hamburger Buns','1.49','Harvest Lane','bakery','buns and rolls','8 ct','burger buns|buns',1,50.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BK0020','Brioche Hamburger Buns','3.99','Golden Crust','bakery','buns and rolls','4 ct','brioche buns',1,40.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BK0021','Dinner Rolls','3.49','Golden Crust','bakery','buns and rolls','12 ct','rolls|soft rolls|dinner roll',1,45.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BK0022','Sweet Hawaiian Style Rolls','4.49','Golden Crust','bakery','buns and rolls','12 ct','hawaiian rolls|sweet rolls',1,50.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BK0023','Hoagie Rolls','3.49','Golden Crust','bakery','buns and rolls','6 ct','sub rolls|hoagie buns|sub buns',1,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BK0024','English Muffins','2.99','Golden Crust','bakery','buns and rolls','6 ct','english muffin',1,55.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BK0025','Plain Bagels','3.49','Golden Crust','bakery','bagels','6 ct','bagels|plain bagel',1,60.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BK0026','Everything Bagels','3.49','Golden Crust','bakery','bagels','6 ct','everything bagel',0,55.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BK0027','Cinnamon Raisin Bagels','3.49','Golden Crust','bakery','bagels','6 ct','cinnamon raisin bagel',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BK0028','Sesame Bagels','3.49','Golden Crust','bakery','bagels','6 ct','sesame bagel',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BK0029','Whole Wheat Bagels','3.49','Golden Crust','bakery','bagels','6 ct','wheat bagels',1,22.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BK0030','Blueberry Bagels','3.49','Golden Crust','bakery','bagels','6 ct','blueberry bagel',1,28.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BK0031','Flour Tortillas','2.99','Casa Sol','bakery','tortillas and flatbreads','10 ct','tortillas|flour tortilla|soft tortillas',1,62.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BK0032','Burrito Size Flour Tortillas','3.49','Casa Sol','bakery','tortillas and flatbreads','8 ct','burrito tortillas|large tortillas|burrito wraps',1,40.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BK0033','Corn Tortillas','2.49','Casa Sol','bakery','tortillas and flatbreads','30 ct','corn tortilla|taco tortillas',1,50.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BK0034','Whole Wheat Tortillas','3.29','Casa Sol','bakery','tortillas and flatbreads','8 ct','wheat tortillas|wheat wraps',1,28.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BK0035','Street Taco Flour Tortillas','2.99','Casa Sol','bakery','tortillas and flatbreads','20 ct','street taco tortillas|mini tortillas',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BK0036','Garlic Naan','3.99','Golden Crust','bakery','tortillas and flatbreads','2 ct','naan|naan bread',1,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BK0037','Pita Bread','2.49','Golden Crust','bakery','tortillas and flatbreads','6 ct','pita|pitas|pita pockets',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BK0038','Banana Bread','5.99','Golden Crust','bakery','sweet bakery','16 oz loaf','banana nut bread|banana loaf',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BK0039','Blueberry Muffins','4.99','Golden Crust','bakery','sweet bakery','4 ct','blueberry muffin|muffins',1,40.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BK0040','Chocolate Chip Muffins','4.99','Golden Crust','bakery','sweet bakery','4 ct','chocolate chip muffin',1,32.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BK0041','Glazed Donuts','4.49','Golden Crust','bakery','sweet bakery','6 ct','donuts|doughnuts|glazed doughnuts',1,45.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BK0042','Assorted Donuts','8.99','Golden Crust','bakery','sweet bakery','12 ct','',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BK0043','Butter Croissants','4.99','Golden Crust','bakery','sweet bakery','4 ct','croissants|croissant',1,40.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BK0044','Cinnamon Rolls','5.49','Golden Crust','bakery','sweet bakery','4 ct','cinnamon buns',1,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BK0045','Bakery Chocolate Chip Cookies','4.99','Golden Crust','bakery','sweet bakery','12 ct','fresh cookies|bakery cookies',1,40.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BK0046','Fudge Brownies','5.99','Golden Crust','bakery','sweet bakery','12 ct','brownies',1,28.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BK0047','Apple Pie','7.99','Golden Crust','bakery','sweet bakery','24 oz','whole apple pie|bakery apple pie',1,28.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BK0048','Pumpkin Pie','6.99','Golden Crust','bakery','sweet bakery','24 oz','',0,20.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BK0049','Chocolate Fudge Cake','12.99','Golden Crust','bakery','sweet bakery','24 oz','chocolate cake',1,20.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BK0050','New York Style Cheesecake','11.99','Golden Crust','bakery','sweet bakery','30 oz','cheesecake',1,15.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BK0051','Angel Food Cake','4.99','Golden Crust','bakery','sweet bakery','12 oz','angel cake',1,15.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('MS0001','80/20 Ground Beef','5.49','Prairie Ridge','meat and seafood','beef','per lb','ground beef|hamburger|hamburger meat|ground chuck|80 20 ground beef|eighty twenty ground beef',1,85.0,NULL,'weight','lb',NULL,0);
INSERT INTO "products" VALUES('MS0002','90/10 Lean Ground Beef','6.99','Prairie Ridge','meat and seafood','beef','per lb','lean ground beef|90 10 ground beef|ninety ten ground beef|ground sirloin',1,65.0,NULL,'weight','lb',NULL,0);
INSERT INTO "products" VALUES('MS0003','93/7 Lean Ground Beef','7.49','Prairie Ridge','meat and seafood','beef','per lb','extra lean ground beef|93 7 ground beef|ninety three seven ground beef',1,45.0,NULL,'weight','lb',NULL,0);
INSERT INTO "products" VALUES('MS0004','80/20 Ground Beef','15.49','Prairie Ridge','meat and seafood','beef','3 lb pack','family pack ground beef|ground beef family pack',1,50.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('MS0005','Organic Grass Fed Ground Beef','8.99','Prairie Ridge Organic','meat and seafood','beef','per lb','grass fed ground beef|organic ground beef',1,30.0,NULL,'weight','lb',NULL,0);
INSERT INTO "products" VALUES('MS0006','Ribeye Steak','15.99','Prairie Ridge','meat and seafood','beef','per lb','rib eye|ribeye|rib-eye steak|rib eye steak',1,45.0,NULL,'weight','lb','0.75 lb',0);
INSERT INTO "products" VALUES('MS0007','New York Strip Steak','13.99','Prairie Ridge','meat and seafood','beef','per lb','strip steak|ny strip|new york strip',1,38.0,NULL,'weight','lb','0.75 lb',0);
INSERT INTO "products" VALUES('MS0008','Top Sirloin Steak','9.99','Prairie Ridge','meat and seafood','beef','per lb','sirloin|sirloin steak|steak',1,42.0,NULL,'weight','lb','0.6 lb',0);
INSERT INTO "products" VALUES('MS0009','Filet Mignon','14.99','Prairie Ridge','meat and seafood','beef','8 oz','beef tenderloin steak|filet|tenderloin steak',1,20.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('MS0010','Flank Steak','11.99','Prairie Ridge','meat and seafood','beef','per lb','flank',1,22.0,NULL,'weight','lb',NULL,0);
INSERT INTO "products" VALUES('MS0011','Beef Chuck Roast','7.99','Prairie Ridge','meat and seafood','beef','per lb','chuck roast|pot roast',1,35.0,NULL,'weight','lb',NULL,0);
INSERT INTO "products" VALUES('MS0012','Beef Stew Meat','7.49','Prairie Ridge','meat and seafood','beef','per lb','stew meat|stew beef|beef for stew',1,35.0,NULL,'weight','lb',NULL,0);
INSERT INTO "products" VALUES('MS0013','Beef Brisket','6.99','Prairie Ridge','meat and seafood','beef','per lb','brisket',1,15.0,NULL,'weight','lb',NULL,0);
INSERT INTO "products" VALUES('MS0014','Beef Short Ribs','9.99','Prairie Ridge','meat and seafood','beef','per lb','short ribs',1,15.0,NULL,'weight','lb',NULL,0);
INSERT INTO "products" VALUES('MS0015','Boneless Skinless Chicken Breasts','4.49','Prairie Ridge','meat and seafood','chicken','per lb','chicken breast|chicken breasts|boneless chicken breast|skinless chicken breast|boneless skinless chicken',1,88.0,NULL,'weight','lb','0.5 lb',0);
INSERT INTO "products" VALUES('MS0016','Boneless Skinless Chicken Breasts','11.99','Prairie Ridge','meat and seafood','chicken','3 lb pack','family pack chicken breasts|chicken breast family pack',1,55.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('MS0017','Organic Boneless Skinless Chicken Breasts','8.99','Prairie Ridge Organic','meat and seafood','chicken','per lb','organic chicken breast|organic chicken',1,35.0,NULL,'weight','lb','0.5 lb',0);
INSERT INTO "products" VALUES('MS0018','Boneless Skinless Chicken Thighs','3.99','Prairie Ridge','meat and seafood','chicken','per lb','chicken thighs|boneless thighs|boneless chicken thighs',1,65.0,NULL,'weight','lb','0.25 lb',0);
INSERT INTO "products" VALUES('MS0019','Bone-In Chicken Thighs','2.49','Prairie Ridge','meat and seafood','chicken','per lb','bone in chicken thighs|chicken thighs with skin',1,40.0,NULL,'weight','lb','0.3 lb',0);
INSERT INTO "products" VALUES('MS0020','Chicken Drumsticks','1.99','Prairie Ridge','meat and seafood','chicken','per lb','drumsticks|chicken legs|chicken drums',1,45.0,NULL,'weight','lb','0.25 lb',0);
INSERT INTO "products" VALUES('MS0021','Chicken Wings','4.49','Prairie Ridge','meat and seafood','chicken','per lb','wings|party wings|chicken wing',1,45.0,NULL,'weight','lb',NULL,0);
INSERT INTO "products" VALUES('MS0022','Whole Fryer Chicken','1.79','Prairie Ridge','meat and seafood','chicken','5 lb avg','whole chicken|fryer|roasting chicken',1,30.0,NULL,'weight','lb','5 lb',0);
INSERT INTO "products" VALUES('MS0023','Chicken Tenderloins','5.49','Prairie Ridge','meat and seafood','chicken','per lb','chicken tenders|tenderloins|raw chicken tenders',1,45.0,NULL,'weight','lb',NULL,0);
INSERT INTO "products" VALUES('MS0024','Thin Sliced Chicken Breast','5.49','Prairie Ridge','meat and seafood','chicken','per lb','chicken cutlets|thin chicken breast|chicken breast cutlets',1,35.0,NULL,'weight','lb','0.25 lb',0);
INSERT INTO "products" VALUES('MS0025','Ground Chicken','4.99','Prairie Ridge','meat and seafood','chicken','per lb','minced chicken',1,25.0,NULL,'weight','lb',NULL,0);
INSERT INTO "products" VALUES('MS0026','93/7 Ground Turkey','4.99','Prairie Ridge','meat and seafood','turkey','per lb','ground turkey|lean ground turkey|93 7 ground turkey',1,60.0,NULL,'weight','lb',NULL,0);
INSERT INTO "products" VALUES('MS0027','99% Fat Free Ground Turkey Breast','6.49','Prairie Ridge','meat and seafood','turkey','per lb','extra lean ground turkey|ground turkey breast',1,30.0,NULL,'weight','lb',NULL,0);
INSERT INTO "products" VALUES('MS0028','Whole Turkey','1.69','Prairie Ridge','meat and seafood','turkey','12 lb avg','turkey|young turkey|thanksgiving turkey',1,15.0,NULL,'weight','lb','12 lb',0);
INSERT INTO "products" VALUES('MS0029','Turkey Breast Tenderloins','9.49','Prairie Ridge','meat and seafood','turkey','1.5 lb','turkey tenderloin',1,15.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('MS0030','Hickory Smoked Bacon','5.99','Hickory Hollow','meat and seafood','pork','12 oz','bacon|regular bacon|sliced bacon',1,75.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('MS0031','Thick Cut Bacon','7.99','Hickory Hollow','meat and seafood','pork','16 oz','thick bacon|thick sliced bacon',1,60.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('MS0032','Center Cut Bacon','6.99','Hickory Hollow','meat and seafood','pork','12 oz','center cut',1,40.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('MS0033','Turkey Bacon','4.49','Hickory Hollow','meat and seafood','pork','12 oz','turkey strips',1,40.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('MS0034','Boneless Pork Chops','4.49','Prairie Ridge','meat and seafood','pork','per lb','pork chops|pork chop|boneless pork loin chops',1,50.0,NULL,'weight','lb','0.4 lb',0);
INSERT INTO "products" VALUES('MS0035','Bone-In Pork Chops','3.49','Prairie Ridge','meat and seafood','pork','per lb','bone in pork chops',1,30.0,NULL,'weight','lb','0.5 lb',0);
INSERT INTO "products" VALUES('MS0036','Pork Tenderloin','4.99','Prairie Ridge','meat and seafood','pork','per lb','pork loin tenderloin',1,35.0,NULL,'weight','lb','1.25 lb',0);
INSERT INTO "products" VALUES('MS0037','Boneless Pork Shoulder','2.99','Prairie Ridge','meat and seafood','pork','per lb','pork butt|boston butt|pork shoulder roast',1,25.0,NULL,'weight','lb',NULL,0);
INSERT INTO "products" VALUES('MS0038','Baby Back Ribs','5.99','Prairie Ridge','meat and seafood','pork','per lb','pork ribs|ribs|back ribs',1,30.0,NULL,'weight','lb','2.5 lb',0);
INSERT INTO "products" VALUES('MS0039','Ground Pork','3.99','Prairie Ridge','meat and seafood','pork','per lb','minced pork',1,25.0,NULL,'weight','lb',NULL,0);
INSERT INTO "products" VALUES('MS0040','Breakfast Sausage Links','4.49','Hickory Hollow','meat and seafood','pork','12 oz','sausage links|breakfast sausage|pork sausage links',1,45.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('MS0041','Pork Sausage Roll','3.99','Hickory Hollow','meat and seafood','pork','16 oz','ground sausage|breakfast sausage roll|sausage roll',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('MS0042','Mild Italian Sausage','4.99','Hickory Hollow','meat and seafood','pork','per lb','italian sausage|sweet italian sausage',1,42.0,NULL,'weight','lb',NULL,0);
INSERT INTO "products" VALUES('MS0043','Hot Italian Sausage','4.99','Hickory Hollow','meat and seafood','pork','per lb','spicy italian sausage',1,30.0,NULL,'weight','lb',NULL,0);
INSERT INTO "products" VALUES('MS0044','Smoked Sausage','3.99','Hickory Hollow','meat and seafood','pork','14 oz','smoked sausage rope',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('MS0045','Polska Kielbasa','4.29','Hickory Hollow','meat and seafood','pork','14 oz','kielbasa|polish sausage',1,28.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('MS0046','Beef Hot Dogs','4.99','Hickory Hollow','meat and seafood','pork','8 ct','hot dogs|franks|frankfurters|wieners|hotdogs',1,55.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('MS0047','Bratwurst','5.49','Hickory Hollow','meat and seafood','pork','5 ct','brats',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('MS0048','Pork Chorizo','2.49','Hickory Hollow','meat and seafood','pork','9 oz','chorizo',1,20.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('MS0049','Ham Steak','4.99','Hickory Hollow','meat and seafood','pork','per lb','ham slice',1,20.0,NULL,'weight','lb','1 lb',0);
INSERT INTO "products" VALUES('MS0050','Lamb Loin Chops','14.99','Prairie Ridge','meat and seafood','lamb','per lb','lamb chops',1,10.0,NULL,'weight','lb','0.25 lb',0);
INSERT INTO "products" VALUES('MS0051','Ground Lamb','9.99','Prairie Ridge','meat and seafood','lamb','per lb','minced lamb',1,10.0,NULL,'weight','lb',NULL,0);
INSERT INTO "products" VALUES('MS0052','Atlantic Salmon Fillet','10.99','Blue Harbor','meat and seafood','seafood','per lb','salmon|salmon fillet|fresh salmon|salmon filet',1,60.0,NULL,'weight','lb','0.5 lb',0);
INSERT INTO "products" VALUES('MS0053','Wild Sockeye Salmon Fillet','14.99','Blue Harbor','meat and seafood','seafood','per lb','sockeye|wild salmon|sockeye salmon',1,30.0,NULL,'weight','lb','0.5 lb',0);
INSERT INTO "products" VALUES('MS0054','Smoked Atlantic Salmon','6.99','Blue Harbor','meat and seafood','seafood','4 oz','lox|smoked salmon|nova lox',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('MS0055','Large Raw Shrimp, Peeled and Deveined','10.99','Blue Harbor','meat and seafood','seafood','per lb','shrimp|raw shrimp|peeled shrimp|prawns',1,55.0,NULL,'weight','lb',NULL,0);
INSERT INTO "products" VALUES('MS0056','Cooked Shrimp, Tail On','11.99','Blue Harbor','meat and seafood','seafood','per lb','cooked shrimp|cocktail shrimp',1,35.0,NULL,'weight','lb',NULL,0);
INSERT INTO "products" VALUES('MS0057','Jumbo Shrimp, Shell On','12.99','Blue Harbor','meat and seafood','seafood','per lb','jumbo shrimp|shell on shrimp',0,25.0,NULL,'weight','lb',NULL,0);
INSERT INTO "products" VALUES('MS0058','Live Mussels','7.99','Blue Harbor','meat and seafood','seafood','2 lb bag','mussels|fresh mussels|blue mussels',1,18.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('MS0059','Littleneck Clams','7.99','Blue Harbor','meat and seafood','seafood','12 ct','clams|little neck clams',1,12.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('MS0060','Atlantic Cod Fillet','11.99','Blue Harbor','meat and seafood','seafood','per lb','cod|cod fillet|white fish',1,35.0,NULL,'weight','lb','0.5 lb',0);
INSERT INTO "products" VALUES('MS0061','Tilapia Fillets','6.99','Blue Harbor','meat and seafood','seafood','per lb','tilapia',1,40.0,NULL,'weight','lb','0.33 lb',0);
INSERT INTO "products" VALUES('MS0062','Mahi Mahi Fillets','12.99','Blue Harbor','meat and seafood','seafood','per lb','mahi mahi|mahi',1,15.0,NULL,'weight','lb','0.4 lb',0);
INSERT INTO "products" VALUES('MS0063','Catfish Fillets','7.99','Blue Harbor','meat and seafood','seafood','per lb','catfish',1,12.0,NULL,'weight','lb','0.4 lb',0);
INSERT INTO "products" VALUES('MS0064','Sea Scallops','24.99','Blue Harbor','meat and seafood','seafood','per lb','scallops',0,18.0,NULL,'weight','lb',NULL,0);
INSERT INTO "products" VALUES('MS0065','Ahi Tuna Steaks','16.99','Blue Harbor','meat and seafood','seafood','per lb','tuna steak|yellowfin tuna|ahi tuna',1,18.0,NULL,'weight','lb','0.5 lb',0);
INSERT INTO "products" VALUES('MS0066','Lump Crab Meat','14.99','Blue Harbor','meat and seafood','seafood','8 oz','crab meat|crab|lump crab',1,15.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('MS0067','Lobster Tails','19.99','Blue Harbor','meat and seafood','seafood','2 ct','lobster tail|lobster',0,12.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('MS0068','Large Raw Shrimp, Peeled and Deveined','19.99','Blue Harbor','meat and seafood','seafood','2 lb bag','bag of frozen shrimp',1,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DL0001','Oven Roasted Turkey Breast','10.99','Hearthstone Deli','deli','deli meats','per lb','deli turkey|sliced turkey|turkey lunch meat|turkey cold cuts|turkey breast',1,70.0,NULL,'weight','lb',NULL,0);
INSERT INTO "products" VALUES('DL0002','Honey Smoked Turkey Breast','11.49','Hearthstone Deli','deli','deli meats','per lb','honey turkey|smoked turkey',1,50.0,NULL,'weight','lb',NULL,0);
INSERT INTO "products" VALUES('DL0003','Oven Roasted Chicken Breast','9.99','Hearthstone Deli','deli','deli meats','per lb','deli chicken|sliced chicken',1,30.0,NULL,'weight','lb',NULL,0);
INSERT INTO "products" VALUES('DL0004','Black Forest Ham','9.99','Hearthstone Deli','deli','deli meats','per lb','ham|deli ham|sliced ham|black forest',1,55.0,NULL,'weight','lb',NULL,0);
INSERT INTO "products" VALUES('DL0005','Honey Ham','9.49','Hearthstone Deli','deli','deli meats','per lb','sliced honey ham',1,52.0,NULL,'weight','lb',NULL,0);
INSERT INTO "products" VALUES('DL0006','Baked Ham','9.49','Hearthstone Deli','deli','deli meats','per lb','deli baked ham',1,35.0,NULL,'weight','lb',NULL,0);
INSERT INTO "products" VALUES('DL0007','Genoa Salami','11.99','Hearthstone Deli','deli','deli meats','per lb','salami',1,35.0,NULL,'weight','lb',NULL,0);
INSERT INTO "products" VALUES('DL0008','Roast Beef','12.99','Hearthstone Deli','deli','deli meats','per lb','deli roast beef|sliced roast beef',1,40.0,NULL,'weight','lb',NULL,0);
INSERT INTO "products" VALUES('DL0009','Pastrami','13.99','Hearthstone Deli','deli','deli meats','per lb','sliced pastrami',0,20.0,NULL,'weight','lb',NULL,0);
INSERT INTO "products" VALUES('DL0010','Corned Beef','13.99','Hearthstone Deli','deli','deli meats','per lb','sliced corned beef',1,15.0,NULL,'weight','lb',NULL,0);
INSERT INTO "products" VALUES('DL0011','Prosciutto','5.99','Bella Campo','deli','deli meats','3 oz','italian dry cured ham',1,20.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DL0012','Sliced Pepperoni','3.99','Bella Campo','deli','deli meats','6 oz','pepperoni',1,45.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DL0013','Sliced Oven Roasted Turkey Breast','4.49','Harvest Lane','deli','lunch meat','9 oz','turkey lunchmeat|packaged turkey|lunch meat',1,55.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DL0014','Sliced Honey Ham','4.29','Harvest Lane','deli','lunch meat','9 oz','ham lunchmeat|packaged ham',1,45.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DL0015','Bologna','2.99','Harvest Lane','deli','lunch meat','16 oz','baloney|boloney',1,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DL0016','Hard Salami Slices','3.99','Harvest Lane','deli','lunch meat','7 oz','sliced salami',1,22.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DL0017','White American Cheese','6.99','Hearthstone Deli','deli','deli cheese','per lb','deli american|white american|sliced white american',1,40.0,NULL,'weight','lb',NULL,0);
INSERT INTO "products" VALUES('DL0018','Muenster Cheese','8.99','Hearthstone Deli','deli','deli cheese','per lb','muenster|munster',1,25.0,NULL,'weight','lb',NULL,0);
INSERT INTO "products" VALUES('DL0019','Baby Swiss Cheese','9.49','Hearthstone Deli','deli','deli cheese','per lb','baby swiss|deli swiss',1,20.0,NULL,'weight','lb',NULL,0);
INSERT INTO "products" VALUES('DL0020','Havarti Cheese','10.99','Hearthstone Deli','deli','deli cheese','per lb','havarti',1,12.0,NULL,'weight','lb',NULL,0);
INSERT INTO "products" VALUES('DL0021','Rotisserie Chicken','7.99','Hearthstone Deli','deli','prepared foods','each','roast chicken|rotisserie|cooked chicken|whole roasted chicken',1,70.0,NULL,'each',NULL,NULL,0);
INSERT INTO "products" VALUES('DL0022','Fried Chicken','10.99','Hearthstone Deli','deli','prepared foods','8 pc','fried chicken bucket|bucket of chicken',1,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DL0023','Classic Potato Salad','4.49','Hearthstone Deli','deli','prepared foods','per lb','potato salad',1,35.0,NULL,'weight','lb',NULL,0);
INSERT INTO "products" VALUES('DL0024','Creamy Coleslaw','3.99','Hearthstone Deli','deli','prepared foods','per lb','coleslaw|cole slaw',1,30.0,NULL,'weight','lb',NULL,0);
INSERT INTO "products" VALUES('DL0025','Macaroni Salad','3.99','Hearthstone Deli','deli','prepared foods','per lb','pasta salad',1,25.0,NULL,'weight','lb',NULL,0);
INSERT INTO "products" VALUES('DL0026','Chicken Salad','8.99','Hearthstone Deli','deli','prepared foods','per lb','chicken salad spread',1,25.0,NULL,'weight','lb',NULL,0);
INSERT INTO "products" VALUES('DL0027','Egg Salad','6.99','Hearthstone Deli','deli','prepared foods','per lb','egg salad spread',1,12.0,NULL,'weight','lb',NULL,0);
INSERT INTO "products" VALUES('DL0028','Deli Macaroni and Cheese','5.99','Hearthstone Deli','deli','prepared foods','per lb','prepared mac and cheese|deli mac n cheese',1,20.0,NULL,'weight','lb',NULL,0);
INSERT INTO "products" VALUES('DL0029','Turkey Club Sandwich','7.99','Hearthstone Deli','deli','prepared foods','each','club sandwich|turkey sandwich',1,20.0,NULL,'each',NULL,NULL,0);
INSERT INTO "products" VALUES('DL0030','California Roll','7.99','Hearthstone Deli','deli','prepared foods','8 pc','sushi|california sushi roll',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DL0031','Spicy Tuna Roll','8.99','Hearthstone Deli','deli','prepared foods','8 pc','spicy tuna sushi',1,18.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DL0032','Mixed Olives','4.99','Hearthstone Deli','deli','prepared foods','8 oz','olive bar olives|marinated olives',1,15.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DL0033','Traditional Hummus','3.99','Aegean Hills','deli','dips and spreads','10 oz','hummus|houmous|hommus|plain hummus',1,45.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DL0034','Roasted Red Pepper Hummus','3.99','Aegean Hills','deli','dips and spreads','10 oz','red pepper hummus',1,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DL0035','Fresh Guacamole','4.99','Casa Sol','deli','dips and spreads','8 oz','guac|guacamole',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('DL0036','Pico de Gallo','4.49','Casa Sol','deli','dips and spreads','16 oz','pico|fresh salsa',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PN0001','Creamy Peanut Butter','2.49','Harvest Lane','pantry','peanut butter and spreads','16 oz','peanut butter|smooth peanut butter|pb',1,75.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PN0002','Creamy Peanut Butter','3.49','Jolly Peanut','pantry','peanut butter and spreads','16.3 oz','peanut butter|smooth peanut butter',1,70.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PN0003','Crunchy Peanut Butter','2.49','Harvest Lane','pantry','peanut butter and spreads','16 oz','chunky peanut butter|crunchy pb',1,55.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PN0004','Crunchy Peanut Butter','3.49','Jolly Peanut','pantry','peanut butter and spreads','16.3 oz','chunky peanut butter',1,45.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PN0005','Natural Creamy Peanut Butter','3.99','Harvest Lane','pantry','peanut butter and spreads','16 oz','natural peanut butter|no stir peanut butter',1,40.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PN0006','Almond Butter','7.99','Nut Grove','pantry','peanut butter and spreads','12 oz','almond spread',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PN0007','Chocolate Hazelnut Spread','3.99','Sugarbrook','pantry','peanut butter and spreads','13 oz','hazelnut spread|chocolate spread',1,40.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PN0008','Grape Jelly','2.99','Berry Patch','pantry','peanut butter and spreads','32 oz','jelly|concord grape jelly',1,55.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PN0009','Strawberry Jam','3.49','Berry Patch','pantry','peanut butter and spreads','18 oz','strawberry preserves|jam|strawberry jelly',1,50.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PN0010','Seedless Raspberry Jam','3.79','Berry Patch','pantry','peanut butter and spreads','18 oz','raspberry jam|raspberry preserves',1,22.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PN0011','Apricot Preserves','3.49','Berry Patch','pantry','peanut butter and spreads','18 oz','apricot jam',1,12.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PN0012','Orange Marmalade','3.49','Berry Patch','pantry','peanut butter and spreads','18 oz','marmalade',1,12.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PN0013','Clover Honey','4.99','Golden Hive','pantry','peanut butter and spreads','12 oz','honey|honey bear|squeeze honey',1,50.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PN0014','Raw Wildflower Honey','8.99','Golden Hive','pantry','peanut butter and spreads','16 oz','raw honey|wildflower honey',0,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PN0015','Extra Virgin Olive Oil','8.99','Bella Campo','pantry','oils and vinegars','16.9 fl oz','olive oil|evoo|extra virgin',1,65.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PN0016','Extra Virgin Olive Oil','12.99','Harvest Lane','pantry','oils and vinegars','33.8 fl oz','olive oil|big olive oil',1,45.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PN0017','Pure Olive Oil','7.99','Bella Campo','pantry','oils and vinegars','16.9 fl oz','light olive oil|regular olive oil',1,20.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PN0018','Vegetable Oil','4.49','Harvest Lane','pantry','oils and vinegars','48 fl oz','veggie oil|cooking oil|soybean oil',1,55.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PN0019','Canola Oil','4.99','Harvest Lane','pantry','oils and vinegars','48 fl oz','canola',1,45.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PN0020','Avocado Oil','8.99','Harvest Lane','pantry','oils and vinegars','16.9 fl oz','avocado cooking oil',1,22.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PN0021','Refined Coconut Oil','5.99','Harvest Lane','pantry','oils and vinegars','14 fl oz','coconut oil',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PN0022','Canola Oil Cooking Spray','2.99','Harvest Lane','pantry','oils and vinegars','6 oz','cooking spray|nonstick spray|non stick spray|oil spray',1,40.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PN0023','Apple Cider Vinegar','3.49','Harvest Lane','pantry','oils and vinegars','32 fl oz','acv|cider vinegar',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PN0024','Distilled White Vinegar','1.99','Harvest Lane','pantry','oils and vinegars','32 fl oz','white vinegar|vinegar',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PN0025','Balsamic Vinegar','4.99','Bella Campo','pantry','oils and vinegars','16.9 fl oz','balsamic',1,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PN0026','Red Wine Vinegar','2.99','Bella Campo','pantry','oils and vinegars','12.7 fl oz','red vinegar',1,12.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PN0027','Seedless Raisins','3.99','Harvest Lane','pantry','dried fruit','20 oz','raisins|raisin',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PN0028','Pitted Dates','4.49','Harvest Lane','pantry','dried fruit','10 oz','dried dates|deglet noor dates',1,15.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PN0029','Dried Cranberries','2.99','Harvest Lane','pantry','dried fruit','6 oz','dried cranberry|sweetened dried cranberries',1,28.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PN0030','Pitted Prunes','3.49','Harvest Lane','pantry','dried fruit','9 oz','prunes|dried plums',1,12.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PN0031','Dried Mango Slices','3.99','Harvest Lane','pantry','dried fruit','6 oz','dried mango',1,12.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PN0032','Instant Mashed Potatoes','2.49','Harvest Lane','pantry','side dishes','8 oz','mashed potato flakes|instant potatoes',1,20.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PN0033','Stuffing Mix','2.29','Harvest Lane','pantry','side dishes','6 oz','stuffing|chicken stuffing mix',1,18.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PN0034','Seasoned Croutons','2.49','Harvest Lane','pantry','side dishes','5 oz','croutons',1,20.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PN0035','Plain Bread Crumbs','2.49','Harvest Lane','pantry','side dishes','15 oz','bread crumbs|breadcrumbs',1,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PN0036','Italian Style Bread Crumbs','2.49','Harvest Lane','pantry','side dishes','15 oz','italian bread crumbs|seasoned bread crumbs',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PN0037','Panko Bread Crumbs','2.79','Harvest Lane','pantry','side dishes','8 oz','panko',1,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PN0038','Cheeseburger Macaroni Skillet Dinner','1.99','Harvest Lane','pantry','side dishes','5.5 oz','cheeseburger macaroni|skillet dinner|hamburger dinner kit',1,15.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PN0039','Brown Gravy Mix','1.09','Harvest Lane','pantry','side dishes','0.87 oz','gravy mix|brown gravy',1,18.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PN0040','Turkey Gravy','2.29','Harvest Lane','pantry','side dishes','12 oz jar','jarred gravy|turkey gravy jar',1,12.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CN0001','Diced Tomatoes','0.99','Harvest Lane','canned goods','canned tomatoes','14.5 oz can','canned diced tomatoes|diced tomato|canned tomatoes',1,65.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CN0002','Diced Tomatoes','1.79','Bella Campo','canned goods','canned tomatoes','14.5 oz can','canned diced tomatoes|italian diced tomatoes',1,40.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CN0003','Petite Diced Tomatoes','1.09','Harvest Lane','canned goods','canned tomatoes','14.5 oz can','petite diced',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CN0004','Fire Roasted Diced Tomatoes','1.49','Harvest Lane','canned goods','canned tomatoes','14.5 oz can','fire roasted tomatoes',1,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CN0005','Diced Tomatoes and Green Chiles','1.29','Harvest Lane','canned goods','canned tomatoes','10 oz can','tomatoes with green chilies|tomatoes and chiles',1,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CN0006','Crushed Tomatoes','2.29','Harvest Lane','canned goods','canned tomatoes','28 oz can','canned crushed tomatoes',1,45.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CN0007','Whole Peeled Tomatoes','2.99','Bella Campo','canned goods','canned tomatoes','28 oz can','whole tomatoes|canned whole tomatoes|peeled tomatoes',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CN0008','Tomato Sauce','0.89','Harvest Lane','canned goods','canned tomatoes','15 oz can','canned tomato sauce',1,55.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CN0009','Tomato Sauce','0.59','Harvest Lane','canned goods','canned tomatoes','8 oz can','small tomato sauce',1,40.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CN0010','Tomato Paste','0.89','Harvest Lane','canned goods','canned tomatoes','6 oz can','canned tomato paste',1,48.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CN0011','Cut Green Beans','0.99','Harvest Lane','canned goods','canned vegetables','14.5 oz can','canned green beans|green beans can',1,40.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CN0012','French Style Green Beans','0.99','Harvest Lane','canned goods','canned vegetables','14.5 oz can','french cut green beans',1,20.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CN0013','Whole Kernel Corn','0.99','Harvest Lane','canned goods','canned vegetables','15.25 oz can','canned corn|sweet corn can',1,45.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CN0014','Cream Style Corn','1.09','Harvest Lane','canned goods','canned vegetables','14.75 oz can','creamed corn',1,20.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CN0015','Sweet Peas','0.99','Harvest Lane','canned goods','canned vegetables','15 oz can','canned peas',1,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CN0016','Mixed Vegetables','0.99','Harvest Lane','canned goods','canned vegetables','15 oz can','canned mixed vegetables',1,20.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CN0017','Sliced Carrots','0.99','Harvest Lane','canned goods','canned vegetables','14.5 oz can','canned carrots',1,10.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CN0018','Sliced Potatoes','0.99','Harvest Lane','canned goods','canned vegetables','15 oz can','canned potatoes',1,10.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CN0019','100% Pure Pumpkin','1.99','Harvest Lane','canned goods','canned vegetables','15 oz can','pumpkin puree|canned pumpkin|pumpkin',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CN0020','Sliced Black Olives','1.49','Harvest Lane','canned goods','canned vegetables','2.25 oz can','black olives|sliced olives',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CN0021','Whole Pitted Ripe Olives','1.99','Harvest Lane','canned goods','canned vegetables','6 oz can','pitted black olives|ripe olives',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CN0022','Black Beans','0.99','Harvest Lane','canned goods','canned beans','15 oz can','canned black beans|black bean',1,55.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CN0023','Pinto Beans','0.99','Harvest Lane','canned goods','canned beans','15 oz can','pinto bean|canned pinto beans',1,42.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CN0024','Dark Red Kidney Beans','0.99','Harvest Lane','canned goods','canned beans','15 oz can','kidney beans|red kidney beans',1,40.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CN0025','Garbanzo Beans','0.99','Harvest Lane','canned goods','canned beans','15 oz can','chickpeas|chick peas|garbanzos',1,45.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CN0026','Cannellini Beans','1.29','Bella Campo','canned goods','canned beans','15 oz can','white kidney beans|white beans',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CN0027','Great Northern Beans','0.99','Harvest Lane','canned goods','canned beans','15 oz can','great northern',1,15.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CN0028','Refried Beans','1.49','Casa Sol','canned goods','canned beans','16 oz can','refried|refritos',1,40.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CN0029','Homestyle Baked Beans','2.79','Harvest Lane','canned goods','canned beans','28 oz can','baked beans',1,40.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CN0030','Pork and Beans','0.99','Harvest Lane','canned goods','canned beans','15 oz can','pork n beans',1,18.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CN0031','Chili Beans in Sauce','1.19','Harvest Lane','canned goods','canned beans','15.5 oz can','chili beans',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CN0032','Chunk Light Tuna in Water','1.19','Blue Harbor','canned goods','canned fish and meat','5 oz can','tuna|canned tuna|tuna fish|light tuna',1,62.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CN0033','Chunk Light Tuna in Water','4.49','Blue Harbor','canned goods','canned fish and meat','4 pack 5 oz cans','tuna 4 pack|canned tuna multipack',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CN0034','Solid White Albacore Tuna in Water','2.19','Blue Harbor','canned goods','canned fish and meat','5 oz can','albacore|white tuna|albacore tuna',1,45.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CN0035','Chunk Light Tuna in Oil','1.29','Blue Harbor','canned goods','canned fish and meat','5 oz can','tuna in oil',1,20.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CN0036','Pink Salmon','4.49','Blue Harbor','canned goods','canned fish and meat','14.75 oz can','canned salmon',1,18.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CN0037','Sardines in Olive Oil','1.99','Blue Harbor','canned goods','canned fish and meat','3.75 oz can','sardines',1,15.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CN0038','Chunk Chicken Breast','3.99','Prairie Ridge','canned goods','canned fish and meat','12.5 oz can','canned chicken',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CN0039','Corned Beef Hash','2.99','Prairie Ridge','canned goods','canned fish and meat','15 oz can','hash|canned hash',1,15.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CN0040','Luncheon Meat','3.49','Prairie Ridge','canned goods','canned fish and meat','12 oz can','canned ham|canned luncheon meat',1,15.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CN0041','Vienna Sausage','0.89','Prairie Ridge','canned goods','canned fish and meat','4.6 oz can','vienna sausages|little sausages',1,10.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CN0042','Chicken Noodle Soup','1.29','Harvest Lane','canned goods','soup and broth','10.75 oz can','chicken soup|chicken noodle|condensed chicken noodle soup',1,60.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CN0043','Condensed Tomato Soup','1.19','Harvest Lane','canned goods','soup and broth','10.75 oz can','tomato soup',1,50.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CN0044','Cream of Mushroom Soup','1.29','Harvest Lane','canned goods','soup and broth','10.5 oz can','cream of mushroom',1,45.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CN0045','Cream of Chicken Soup','1.29','Harvest Lane','canned goods','soup and broth','10.5 oz can','cream of chicken',1,38.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CN0046','Homestyle Chicken Noodle Soup','2.79','Kettle & Hearth','canned goods','soup and broth','18.6 oz can','ready to serve chicken noodle soup|hearty chicken noodle soup',1,40.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CN0047','Vegetable Beef Soup','2.79','Kettle & Hearth','canned goods','soup and broth','18.8 oz can','beef vegetable soup',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CN0048','Minestrone Soup','2.49','Kettle & Hearth','canned goods','soup and broth','18.5 oz can','minestrone',1,18.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CN0049','Lentil Soup','2.49','Kettle & Hearth','canned goods','soup and broth','18.5 oz can','lentil',1,15.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CN0050','New England Clam Chowder','2.99','Kettle & Hearth','canned goods','soup and broth','18.8 oz can','clam chowder|chowder',0,22.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CN0051','Chicken Broth','1.99','Harvest Lane','canned goods','soup and broth','32 fl oz carton','chicken stock|broth',1,60.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CN0052','Low Sodium Chicken Broth','2.29','Harvest Lane','canned goods','soup and broth','32 fl oz carton','low sodium chicken stock',1,40.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CN0053','Beef Broth','2.29','Harvest Lane','canned goods','soup and broth','32 fl oz carton','beef stock',1,40.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CN0054','Vegetable Broth','2.29','Harvest Lane','canned goods','soup and broth','32 fl oz carton','veggie broth|vegetable stock',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CN0055','Chili with Beans','2.49','Kettle & Hearth','canned goods','soup and broth','15 oz can','canned chili|chili',1,28.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CN0056','Beef Ravioli in Tomato Sauce','1.79','Kettle & Hearth','canned goods','soup and broth','15 oz can','canned ravioli',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CN0057','Mandarin Oranges in Light Syrup','1.49','Harvest Lane','canned goods','canned fruit','15 oz can','canned mandarin oranges',1,22.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CN0058','Pineapple Chunks in Juice','1.79','Harvest Lane','canned goods','canned fruit','20 oz can','canned pineapple',1,28.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CN0059','Yellow Cling Peach Slices','1.49','Harvest Lane','canned goods','canned fruit','15.25 oz can','canned peaches|sliced peaches',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CN0060','Fruit Cocktail','1.49','Harvest Lane','canned goods','canned fruit','15.25 oz can','canned fruit cocktail',1,20.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CN0061','Jellied Cranberry Sauce','1.79','Harvest Lane','canned goods','canned fruit','14 oz can','cranberry sauce',1,15.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CN0062','Unsweetened Applesauce','2.49','Harvest Lane','canned goods','canned fruit','24 oz jar','applesauce|apple sauce',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CN0063','Applesauce Cups','2.49','Harvest Lane','canned goods','canned fruit','6 ct','apple sauce cups|applesauce snack cups',1,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PG0001','Spaghetti','1.49','Nonna Rosa','pasta and grains','pasta','16 oz box','spaghetti pasta|spaghetti noodles',1,70.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PG0002','Spaghetti','0.99','Harvest Lane','pasta and grains','pasta','16 oz box','spaghetti noodles',1,52.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PG0003','Thin Spaghetti','1.49','Nonna Rosa','pasta and grains','pasta','16 oz box','thin spaghetti noodles',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PG0004','Angel Hair','1.49','Nonna Rosa','pasta and grains','pasta','16 oz box','angel hair pasta|capellini',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PG0005','Penne Rigate','1.49','Nonna Rosa','pasta and grains','pasta','16 oz box','penne|penne pasta',1,60.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PG0006','Penne Rigate','0.99','Harvest Lane','pasta and grains','pasta','16 oz box','penne|penne pasta',1,45.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PG0007','Elbow Macaroni','1.29','Nonna Rosa','pasta and grains','pasta','16 oz box','elbows|macaroni|elbow noodles|elbow pasta',1,50.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PG0008','Rigatoni','1.49','Nonna Rosa','pasta and grains','pasta','16 oz box','rigatoni pasta',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PG0009','Rotini','1.49','Nonna Rosa','pasta and grains','pasta','16 oz box','spirals|rotini pasta|corkscrew pasta',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PG0010','Farfalle','1.49','Nonna Rosa','pasta and grains','pasta','16 oz box','bow tie pasta|bowties|bow ties',1,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PG0011','Fettuccine','1.49','Nonna Rosa','pasta and grains','pasta','16 oz box','fettucine|fettuccini',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PG0012','Linguine','1.49','Nonna Rosa','pasta and grains','pasta','16 oz box','linguini',1,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PG0013','Ziti','1.49','Nonna Rosa','pasta and grains','pasta','16 oz box','ziti pasta',1,20.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PG0014','Medium Shells','1.49','Nonna Rosa','pasta and grains','pasta','16 oz box','shell pasta|pasta shells|shells',1,22.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PG0015','Orzo','1.79','Nonna Rosa','pasta and grains','pasta','16 oz box','orzo pasta',1,20.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PG0016','Lasagna Noodles','1.99','Nonna Rosa','pasta and grains','pasta','16 oz box','lasagna|lasagne noodles|lasagna pasta',1,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PG0017','Oven Ready Lasagna Noodles','2.49','Nonna Rosa','pasta and grains','pasta','9 oz box','no boil lasagna',1,18.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PG0018','Whole Wheat Penne','1.79','Nonna Rosa','pasta and grains','pasta','13.25 oz box','wheat penne',1,20.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PG0019','Whole Wheat Spaghetti','1.79','Nonna Rosa','pasta and grains','pasta','13.25 oz box','wheat spaghetti',1,22.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PG0020','Gluten Free Penne','2.99','Nonna Rosa','pasta and grains','pasta','12 oz box','gf penne|gluten free pasta',1,15.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PG0021','Wide Egg Noodles','2.29','Harvest Lane','pasta and grains','pasta','12 oz bag','egg noodles|wide noodles',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PG0022','Potato Gnocchi','2.99','Nonna Rosa','pasta and grains','pasta','16 oz','gnocchi',1,18.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PG0023','Fresh Cheese Tortellini','4.49','Nonna Rosa','pasta and grains','pasta','9 oz','tortellini|cheese tortellini',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PG0024','Fresh Four Cheese Ravioli','4.49','Nonna Rosa','pasta and grains','pasta','9 oz','ravioli|cheese ravioli',1,20.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PG0025','Marinara Sauce','3.49','Nonna Rosa','pasta and grains','pasta sauce','24 oz jar','marinara|pasta sauce|spaghetti sauce',1,60.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PG0026','Traditional Pasta Sauce','1.89','Harvest Lane','pasta and grains','pasta sauce','24 oz jar','spaghetti sauce|tomato pasta sauce|red sauce|pasta sauce',1,55.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PG0027','Tomato Basil Pasta Sauce','3.49','Nonna Rosa','pasta and grains','pasta sauce','24 oz jar','tomato basil sauce',1,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PG0028','Vodka Sauce','4.49','Nonna Rosa','pasta and grains','pasta sauce','24 oz jar','vodka pasta sauce|penne vodka sauce',0,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PG0029','Arrabbiata Sauce','4.49','Nonna Rosa','pasta and grains','pasta sauce','24 oz jar','spicy marinara|arrabiata',1,12.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PG0030','Pasta Sauce with Meat','2.29','Harvest Lane','pasta and grains','pasta sauce','24 oz jar','meat sauce|spaghetti sauce with meat',1,20.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PG0031','Alfredo Sauce','2.99','Nonna Rosa','pasta and grains','pasta sauce','15 oz jar','alfredo|white sauce|alfredo pasta sauce',1,40.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PG0032','Basil Pesto','4.99','Nonna Rosa','pasta and grains','pasta sauce','6.5 oz jar','pesto|pesto sauce',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PG0033','Long Grain White Rice','2.49','Harvest Lane','pasta and grains','rice','2 lb bag','white rice|rice|long grain rice',1,62.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PG0034','Long Grain White Rice','4.99','Harvest Lane','pasta and grains','rice','5 lb bag','big bag of rice|white rice',1,45.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PG0035','Jasmine Rice','3.99','Harvest Lane','pasta and grains','rice','2 lb bag','thai jasmine rice',1,50.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PG0036','Basmati Rice','4.49','Harvest Lane','pasta and grains','rice','2 lb bag','indian basmati',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PG0037','Long Grain Brown Rice','2.79','Harvest Lane','pasta and grains','rice','2 lb bag','brown rice',1,38.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PG0038','Instant White Rice','2.99','Harvest Lane','pasta and grains','rice','14 oz box','quick rice|instant rice|quick cooking rice',1,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PG0039','Microwave Jasmine Rice','2.29','Harvest Lane','pasta and grains','rice','8.5 oz pouch','rice pouch|microwave rice',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PG0040','Arborio Rice','3.99','Nonna Rosa','pasta and grains','rice','16 oz','risotto rice',0,12.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PG0041','Spanish Rice Mix','1.49','Casa Sol','pasta and grains','rice','5.6 oz','spanish rice|mexican rice',1,20.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PG0042','White Quinoa','4.49','Harvest Lane','pasta and grains','grains and dry beans','12 oz','quinoa',1,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PG0043','Couscous','2.49','Harvest Lane','pasta and grains','grains and dry beans','10 oz','plain couscous',1,20.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PG0044','Pearl Barley','1.99','Harvest Lane','pasta and grains','grains and dry beans','16 oz','barley',1,10.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PG0045','Dry Brown Lentils','1.79','Harvest Lane','pasta and grains','grains and dry beans','16 oz bag','lentils|brown lentils',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PG0046','Dry Black Beans','1.79','Harvest Lane','pasta and grains','grains and dry beans','16 oz bag','dried black beans',1,15.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PG0047','Dry Pinto Beans','1.79','Harvest Lane','pasta and grains','grains and dry beans','16 oz bag','dried pinto beans',1,15.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PG0048','Green Split Peas','1.69','Harvest Lane','pasta and grains','grains and dry beans','16 oz bag','split peas',1,10.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PG0049','Macaroni and Cheese Dinner','0.89','Harvest Lane','pasta and grains','boxed dinners','7.25 oz box','mac and cheese|mac n cheese|macaroni and cheese|mac & cheese|boxed mac and cheese',1,70.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PG0050','Macaroni and Cheese Dinner','4.29','Harvest Lane','pasta and grains','boxed dinners','5 pack 7.25 oz boxes','mac and cheese five pack|mac n cheese multipack',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PG0051','White Cheddar Macaroni and Cheese','2.29','Meadow Bunny','pasta and grains','boxed dinners','6 oz box','white cheddar mac|white cheddar mac and cheese|bunny mac and cheese',1,40.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PG0052','Shells and Cheese','2.99','Meadow Valley','pasta and grains','boxed dinners','12 oz box','shells n cheese|shells & cheese|creamy shells and cheese',1,40.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PG0053','Macaroni and Cheese Cups','3.99','Harvest Lane','pasta and grains','boxed dinners','4 ct','mac and cheese cups|microwave mac n cheese|mac n cheese cups',1,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PG0054','Chicken Flavor Ramen Noodle Soup','0.35','Noodle House','pasta and grains','boxed dinners','3 oz','ramen|ramen noodles|instant noodles|chicken ramen',1,40.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PG0055','Chicken Flavor Ramen Noodle Soup','3.99','Noodle House','pasta and grains','boxed dinners','12 pack 3 oz','ramen 12 pack',1,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PG0056','Beef Flavor Ramen Noodle Soup','0.35','Noodle House','pasta and grains','boxed dinners','3 oz','beef ramen',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PG0057','Instant Noodle Cup, Chicken','0.69','Noodle House','pasta and grains','boxed dinners','2.25 oz','noodle cup|instant noodle cup|noodle soup cup',1,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BR0001','Honey Nut Toasty O''s','4.99','Toasty Morning','breakfast','cereal','10.8 oz box','honey nut o''s|honey nut cereal|honey nut oat cereal|honey nut toasted oats|honey nut toasty os',1,75.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BR0002','Honey Nut Toasted Oat Cereal','2.99','Harvest Lane','breakfast','cereal','12.25 oz box','honey nut o''s|honey nut cereal|honey nut toasted oats',1,60.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BR0003','Toasty O''s','4.79','Toasty Morning','breakfast','cereal','12 oz box','toasty os|plain o''s|toasted oat cereal|oat o''s|o''s cereal',1,60.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BR0004','Toasted Oat Cereal','2.49','Harvest Lane','breakfast','cereal','12 oz box','toasted oats|plain toasted oat cereal|oat rings',1,45.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BR0005','Fruity Rings','4.79','Toasty Morning','breakfast','cereal','10.1 oz box','fruit rings|fruity rings cereal|fruit ring cereal|fruity o''s',1,55.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BR0006','Frosted Corn Flakes','4.49','Toasty Morning','breakfast','cereal','13.5 oz box','sugar frosted corn flakes|frosted cornflakes',1,55.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BR0007','Corn Flakes','2.99','Harvest Lane','breakfast','cereal','18 oz box','cornflakes|corn flake cereal',1,50.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BR0008','Crispy Rice Cereal','3.49','Harvest Lane','breakfast','cereal','12 oz box','rice crisps|crisp rice cereal|rice cereal',1,40.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BR0009','Raisin Bran Cereal','3.49','Harvest Lane','breakfast','cereal','20 oz box','raisin bran|bran flakes with raisins',1,40.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BR0010','Frosted Shredded Wheat','3.49','Harvest Lane','breakfast','cereal','16 oz box','shredded wheat|frosted wheat squares',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BR0011','Cinnamon Squares','4.79','Toasty Morning','breakfast','cereal','12 oz box','cinnamon cereal|cinnamon crunch cereal|cinnamon toast cereal',0,45.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BR0012','Chocolate Puffs','4.49','Toasty Morning','breakfast','cereal','10.4 oz box','chocolate puffs cereal|cocoa cereal|chocolate cereal',1,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BR0013','Frosted Oats with Marshmallows','4.49','Toasty Morning','breakfast','cereal','10.5 oz box','marshmallow cereal|marshmallow oats',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BR0014','Honey Oat Clusters','3.99','Toasty Morning','breakfast','cereal','14.5 oz box','honey oat cereal|honey oat crunch',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BR0015','Oats and Honey Granola','4.49','Trailside','breakfast','cereal','12 oz bag','granola|honey granola|oat granola',1,40.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BR0016','Vanilla Almond Granola','4.99','Trailside','breakfast','cereal','12 oz bag','almond granola',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BR0017','Swiss Style Muesli','4.99','Trailside','breakfast','cereal','16 oz bag','muesli',1,10.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BR0018','Old Fashioned Oats','4.99','Harvest Lane','breakfast','hot cereal','42 oz canister','rolled oats|oatmeal|oats|old fashioned oatmeal',1,55.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BR0019','Quick Oats','4.99','Harvest Lane','breakfast','hot cereal','42 oz canister','quick cooking oats|quick oatmeal|one minute oats',1,40.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BR0020','Steel Cut Oats','4.49','Harvest Lane','breakfast','hot cereal','30 oz canister','irish oats|steel cut oatmeal',0,20.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BR0021','Maple and Brown Sugar Instant Oatmeal','3.49','Harvest Lane','breakfast','hot cereal','10 ct','maple brown sugar oatmeal|instant oatmeal|oatmeal packets',1,50.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BR0022','Instant Oatmeal Variety Pack','3.49','Harvest Lane','breakfast','hot cereal','10 ct','oatmeal variety pack|instant oatmeal packets',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BR0023','Apple Cinnamon Instant Oatmeal','3.49','Harvest Lane','breakfast','hot cereal','10 ct','apple cinnamon oatmeal',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BR0024','Farina Hot Wheat Cereal','3.99','Harvest Lane','breakfast','hot cereal','28 oz box','farina|hot wheat cereal',1,12.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BR0025','Quick Grits','2.99','Harvest Lane','breakfast','hot cereal','24 oz canister','grits|hominy grits',1,20.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BR0026','Buttermilk Pancake Mix','2.99','Harvest Lane','breakfast','pancakes and syrup','32 oz box','pancake mix|pancake and waffle mix',1,45.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BR0027','Complete Pancake Mix','3.49','Sunny Griddle','breakfast','pancakes and syrup','32 oz box','just add water pancake mix|complete pancake and waffle mix',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BR0028','Pancake Syrup','2.99','Harvest Lane','breakfast','pancakes and syrup','24 fl oz','syrup|table syrup|breakfast syrup',1,50.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BR0029','Pure Maple Syrup','8.99','Sugar Maple Farms','breakfast','pancakes and syrup','12.5 fl oz','maple syrup|real maple syrup|grade a maple syrup',1,40.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BR0030','Frosted Strawberry Toaster Pastries','3.49','Toasty Morning','breakfast','breakfast bars and pastries','8 ct','toaster pastries|strawberry toaster pastry|toaster tarts',1,45.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BR0031','Frosted Brown Sugar Cinnamon Toaster Pastries','3.49','Toasty Morning','breakfast','breakfast bars and pastries','8 ct','brown sugar cinnamon toaster pastry',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BR0032','Chewy Chocolate Chip Granola Bars','3.49','Trailside','breakfast','breakfast bars and pastries','8 ct','granola bars|chocolate chip granola bars|chewy bars',1,50.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BR0033','Oats and Honey Crunchy Granola Bars','3.99','Trailside','breakfast','breakfast bars and pastries','12 ct','crunchy granola bars|oats and honey bars',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BR0034','Soft Baked Strawberry Cereal Bars','3.49','Trailside','breakfast','breakfast bars and pastries','8 ct','cereal bars|fruit bars|breakfast bars',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SN0001','Classic Potato Chips','4.29','Crunch Co.','snacks','chips','8 oz bag','potato chips|chips|plain chips|regular chips',1,70.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SN0002','Wavy Potato Chips','4.29','Crunch Co.','snacks','chips','8 oz bag','ridged chips|ridged potato chips|wavy chips',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SN0003','Sour Cream and Onion Potato Chips','4.29','Crunch Co.','snacks','chips','8 oz bag','sour cream and onion chips|sour cream & onion chips',1,45.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SN0004','Barbecue Potato Chips','4.29','Crunch Co.','snacks','chips','8 oz bag','bbq chips|barbecue chips|bbq potato chips',1,45.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SN0005','Salt and Vinegar Potato Chips','4.29','Crunch Co.','snacks','chips','8 oz bag','salt & vinegar chips|salt and vinegar chips',0,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SN0006','Sea Salt Kettle Cooked Potato Chips','4.49','Kettle Creek','snacks','chips','8 oz bag','kettle chips|kettle cooked chips',1,40.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SN0007','Original Potato Chips','2.99','Harvest Lane','snacks','chips','10 oz bag','potato chips|chips',1,45.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SN0008','Restaurant Style Tortilla Chips','3.99','Casa Sol','snacks','chips','13 oz bag','tortilla chips|corn tortilla chips',1,55.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SN0009','Nacho Cheese Tortilla Chips','4.79','Crunch Co.','snacks','chips','9.25 oz bag','nacho cheese chips|cheese tortilla chips|nacho chips',1,55.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SN0010','Zesty Ranch Tortilla Chips','4.79','Crunch Co.','snacks','chips','9.25 oz bag','ranch tortilla chips|ranch chips',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SN0011','Original Corn Chips','3.99','Crunch Co.','snacks','chips','9.25 oz bag','corn chips',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SN0012','Crunchy Cheese Curls','3.49','Crunch Co.','snacks','chips','8 oz bag','cheese curls|cheese puffs|cheesy curls',1,40.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SN0013','Pretzel Twists','3.49','Crunch Co.','snacks','chips','16 oz bag','pretzels|twist pretzels',1,45.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SN0014','Pretzel Sticks','3.49','Crunch Co.','snacks','chips','16 oz bag','stick pretzels|pretzel rods',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SN0015','Sea Salt Veggie Sticks','3.99','Crunch Co.','snacks','chips','7 oz bag','veggie crisps|vegetable sticks|veggie snack sticks',1,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SN0016','Pork Rinds','2.99','Hickory Hollow','snacks','chips','3.5 oz bag','chicharrones|pork cracklins',1,12.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SN0017','Butter Microwave Popcorn','3.49','Crunch Co.','snacks','popcorn','3 ct','popcorn|microwave popcorn|butter popcorn',1,45.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SN0018','Movie Theater Butter Microwave Popcorn','4.99','Crunch Co.','snacks','popcorn','6 ct','movie theater popcorn|extra butter popcorn',1,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SN0019','Sweet and Salty Kettle Corn','3.49','Crunch Co.','snacks','popcorn','6.5 oz bag','kettle corn',1,20.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SN0020','White Cheddar Popcorn','3.49','Crunch Co.','snacks','popcorn','5 oz bag','ready to eat popcorn|cheddar popcorn',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SN0021','Original Saltine Crackers','2.49','Harvest Lane','snacks','crackers','16 oz box','saltines|saltine crackers|soda crackers',1,45.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SN0022','Butter Round Crackers','3.99','Crunch Co.','snacks','crackers','13.7 oz box','butter crackers|round crackers|buttery crackers',1,50.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SN0023','Baked Cheese Squares','4.49','Crunch Co.','snacks','crackers','12.4 oz box','cheese crackers|cheese squares|cheese snack crackers',1,50.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SN0024','Cheddar Fish Crackers','2.99','Crunch Co.','snacks','crackers','6.6 oz bag','fish crackers|cheddar fish|fish shaped crackers',1,45.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SN0025','Baked Whole Wheat Crackers','3.99','Crunch Co.','snacks','crackers','8.5 oz box','wheat crackers|whole wheat crackers',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SN0026','Honey Graham Crackers','3.99','Crunch Co.','snacks','crackers','14.4 oz box','graham crackers|grahams',1,40.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SN0027','Animal Crackers','3.29','Crunch Co.','snacks','crackers','16 oz bag','animal cookies',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SN0028','Peanut Butter Sandwich Crackers','2.99','Crunch Co.','snacks','crackers','8 ct','cracker sandwiches|peanut butter crackers',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SN0029','Lightly Salted Rice Cakes','2.99','Harvest Lane','snacks','crackers','4.47 oz','rice cakes|puffed rice cakes',1,18.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SN0030','Chocolate Sandwich Cookies','4.49','Sugarbrook','snacks','cookies','14.3 oz pack','sandwich cookies|chocolate creme cookies|cookies and cream cookies|chocolate cookies',1,60.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SN0031','Double Creme Chocolate Sandwich Cookies','4.79','Sugarbrook','snacks','cookies','15.35 oz pack','double creme cookies|double cream cookies',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SN0032','Chocolate Chip Cookies','4.29','Sugarbrook','snacks','cookies','13 oz pack','chocolate chip cookie|cookies',1,55.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SN0033','Soft Baked Chocolate Chip Cookies','3.99','Sugarbrook','snacks','cookies','8 oz pack','soft cookies|chewy chocolate chip cookies',1,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SN0034','Oatmeal Raisin Cookies','3.49','Sugarbrook','snacks','cookies','13 oz pack','oatmeal cookies',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SN0035','Vanilla Wafers','2.99','Sugarbrook','snacks','cookies','11 oz box','vanilla wafer cookies|wafers',1,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SN0036','Fig Bars','3.49','Sugarbrook','snacks','cookies','10 oz pack','fig cookies|fig bar cookies',1,15.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SN0037','Butter Shortbread Cookies','3.99','Sugarbrook','snacks','cookies','10 oz pack','shortbread',1,20.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SN0038','Fudge Striped Shortbread Cookies','3.49','Sugarbrook','snacks','cookies','11.5 oz pack','fudge stripe cookies|fudge cookies',1,20.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SN0039','Dry Roasted Peanuts','3.49','Nut Grove','snacks','nuts and trail mix','16 oz jar','peanuts|roasted peanuts|salted peanuts',1,40.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SN0040','Honey Roasted Peanuts','3.99','Nut Grove','snacks','nuts and trail mix','16 oz jar','honey peanuts',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SN0041','Roasted Salted Peanuts in Shell','3.49','Nut Grove','snacks','nuts and trail mix','16 oz bag','peanuts in the shell|in shell peanuts|ballpark peanuts',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SN0042','Whole Cashews','7.99','Nut Grove','snacks','nuts and trail mix','10 oz','cashews|cashew nuts|roasted cashews',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SN0043','Whole Almonds','7.99','Nut Grove','snacks','nuts and trail mix','16 oz bag','almonds|raw almonds',1,40.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SN0044','Roasted Salted Pistachios','8.99','Nut Grove','snacks','nuts and trail mix','16 oz bag','pistachios|pistachio nuts',1,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SN0045','Deluxe Mixed Nuts','7.99','Nut Grove','snacks','nuts and trail mix','15 oz can','mixed nuts|nut mix',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SN0046','Mountain Trail Mix','6.99','Trailside','snacks','nuts and trail mix','16 oz bag','trail mix|gorp',1,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SN0047','Roasted Sunflower Seeds','1.99','Nut Grove','snacks','nuts and trail mix','5.25 oz bag','sunflower seeds|seeds',1,20.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SN0048','Original Beef Jerky','6.99','Hickory Hollow','snacks','nuts and trail mix','2.85 oz bag','jerky|beef jerky',1,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SN0049','Chocolate Peanut Butter Protein Bars','6.99','Trailside','snacks','nuts and trail mix','5 ct','protein bars|protein bar',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SN0050','Dried Banana Chips','3.49','Nut Grove','snacks','nuts and trail mix','7 oz bag','banana chips',1,12.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SN0051','Milk Chocolate Bar','1.49','Sugarbrook','snacks','candy','1.55 oz','chocolate bar|candy bar',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SN0052','Dark Chocolate Bar','3.49','Sugarbrook','snacks','candy','3.5 oz','dark chocolate',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SN0053','Milk Chocolate Peanut Butter Cups','1.49','Sugarbrook','snacks','candy','1.5 oz','peanut butter cups|pb cups',1,40.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SN0054','Candy Coated Milk Chocolate Pieces','4.99','Sugarbrook','snacks','candy','10 oz bag','chocolate candies|candy coated chocolates|chocolate candy pieces',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SN0055','Gummy Bears','2.49','Sugarbrook','snacks','candy','5 oz bag','gummies|gummy candy|gummi bears',1,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SN0056','Sour Gummy Worms','2.49','Sugarbrook','snacks','candy','5 oz bag','gummy worms|sour worms',1,20.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SN0057','Spearmint Sugar Free Gum','1.49','Sugarbrook','snacks','candy','15 ct','gum|chewing gum|spearmint gum',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SN0058','Chocolate Pudding Cups','2.99','Snack Spoon','snacks','pudding and fruit snacks','4 ct','chocolate pudding|pudding cups|pudding',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SN0059','Vanilla Pudding Cups','2.99','Snack Spoon','snacks','pudding and fruit snacks','4 ct','vanilla pudding',1,22.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SN0060','Banana Pudding Cups','2.99','Snack Spoon','snacks','pudding and fruit snacks','4 ct','banana pudding|banana pudding snack cups',1,18.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SN0061','Mixed Fruit Snacks','3.49','Snack Spoon','snacks','pudding and fruit snacks','10 ct','fruit snacks|fruit gummies|gummy fruit snacks',1,40.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SN0062','Strawberry Fruit Rolls','3.49','Snack Spoon','snacks','pudding and fruit snacks','10 ct','fruit rolls|fruit leather',1,20.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SN0063','Medium Chunky Salsa','3.49','Casa Sol','snacks','dips and salsa','16 oz jar','salsa|medium salsa|chunky salsa',1,50.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SN0064','Mild Chunky Salsa','3.49','Casa Sol','snacks','dips and salsa','16 oz jar','mild salsa',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SN0065','Salsa con Queso','3.99','Casa Sol','snacks','dips and salsa','15 oz jar','queso|cheese dip|nacho cheese dip|nacho cheese sauce',1,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('FZ0001','Rising Crust Pepperoni Pizza','7.99','Fornello','frozen','frozen pizza','29.8 oz','pepperoni pizza|frozen pepperoni pizza|frozen pizza',1,55.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('FZ0002','Rising Crust Four Cheese Pizza','7.99','Fornello','frozen','frozen pizza','28.2 oz','cheese pizza|frozen cheese pizza',1,40.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('FZ0003','Thin Crust Supreme Pizza','6.99','Fornello','frozen','frozen pizza','21 oz','supreme pizza|combination pizza',1,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('FZ0004','Thin Crust Pepperoni Pizza','3.99','Harvest Lane','frozen','frozen pizza','14.9 oz','pepperoni pizza|cheap frozen pizza',1,45.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('FZ0005','Pepperoni Pizza Bites','6.49','Fornello','frozen','frozen pizza','40 ct','pizza bites|pizza snacks|pepperoni bites',1,40.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('FZ0006','French Bread Pepperoni Pizza','4.99','Fornello','frozen','frozen pizza','2 ct','french bread pizza',1,20.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('FZ0007','Frozen Broccoli Florets','1.79','Harvest Lane','frozen','frozen vegetables','12 oz bag','frozen broccoli|steamable broccoli',1,50.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('FZ0008','Frozen Sweet Peas','1.49','Harvest Lane','frozen','frozen vegetables','12 oz bag','frozen peas|peas|green peas',1,45.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('FZ0009','Frozen Sweet Corn','1.49','Harvest Lane','frozen','frozen vegetables','12 oz bag','frozen corn',1,45.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('FZ0010','Frozen Mixed Vegetables','1.49','Harvest Lane','frozen','frozen vegetables','12 oz bag','mixed veggies|frozen mixed veggies|frozen mixed veg',1,48.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('FZ0011','Frozen Cut Green Beans','1.49','Harvest Lane','frozen','frozen vegetables','12 oz bag','frozen green beans',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('FZ0012','Frozen Chopped Spinach','1.49','Harvest Lane','frozen','frozen vegetables','10 oz box','frozen spinach',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('FZ0013','Frozen Stir Fry Vegetables','2.49','Harvest Lane','frozen','frozen vegetables','16 oz bag','stir fry mix|stir fry veggies',1,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('FZ0014','Frozen Riced Cauliflower','2.49','Harvest Lane','frozen','frozen vegetables','12 oz bag','cauliflower rice|riced cauliflower',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('FZ0015','Frozen Peas and Carrots','1.49','Harvest Lane','frozen','frozen vegetables','12 oz bag','peas and carrots',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('FZ0016','Frozen Shelled Edamame','2.49','Harvest Lane','frozen','frozen vegetables','12 oz bag','edamame|soybeans',1,20.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('FZ0017','Crinkle Cut French Fries','3.49','Harvest Lane','frozen','frozen potatoes','32 oz bag','french fries|fries|frozen fries|crinkle fries',1,50.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('FZ0018','Shoestring French Fries','3.49','Harvest Lane','frozen','frozen potatoes','32 oz bag','shoestring fries|thin fries',1,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('FZ0019','Crispy Potato Tots','3.99','Harvest Lane','frozen','frozen potatoes','32 oz bag','tots|potato tots|potato puffs',1,40.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('FZ0020','Hash Brown Patties','3.49','Harvest Lane','frozen','frozen potatoes','10 ct','hash browns|hashbrowns|frozen hash browns',1,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('FZ0021','Sweet Potato Fries','3.99','Harvest Lane','frozen','frozen potatoes','20 oz bag','sweet potato french fries',1,20.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('FZ0022','Battered Onion Rings','3.99','Harvest Lane','frozen','frozen potatoes','20 oz bag','onion rings',1,20.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('FZ0023','Frozen Strawberries','3.49','Harvest Lane','frozen','frozen fruit','16 oz bag','frozen strawberry',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('FZ0024','Frozen Blueberries','3.99','Harvest Lane','frozen','frozen fruit','16 oz bag','frozen blueberry',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('FZ0025','Frozen Mixed Berries','3.99','Harvest Lane','frozen','frozen fruit','16 oz bag','mixed berries|berry blend|frozen berries',1,40.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('FZ0026','Frozen Mango Chunks','3.99','Harvest Lane','frozen','frozen fruit','16 oz bag','frozen mango',0,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('FZ0027','Frozen Dark Sweet Cherries','3.99','Harvest Lane','frozen','frozen fruit','12 oz bag','frozen cherries',1,15.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('FZ0028','Chicken Pot Pie','2.99','Kettle & Hearth','frozen','frozen meals','10 oz','pot pie',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('FZ0029','Lasagna with Meat Sauce','11.99','Nonna Rosa','frozen','frozen meals','38 oz','frozen lasagna|lasagna',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('FZ0030','Frozen Macaroni and Cheese','3.49','Kettle & Hearth','frozen','frozen meals','12 oz','frozen mac and cheese|frozen mac n cheese',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('FZ0031','Chicken Fried Rice','4.99','Lotus Garden','frozen','frozen meals','22 oz bag','frozen fried rice|fried rice',1,20.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('FZ0032','Bean and Cheese Burritos','5.99','Casa Sol','frozen','frozen meals','8 ct','burritos|frozen burritos|bean burritos',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('FZ0033','Chicken Potstickers','7.99','Lotus Garden','frozen','frozen meals','24 oz bag','potstickers|dumplings|gyoza|pot stickers',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('FZ0034','Vegetable Egg Rolls','4.99','Lotus Garden','frozen','frozen meals','6 ct','egg rolls',1,15.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('FZ0035','Breaded Chicken Nuggets','8.99','Prairie Ridge','frozen','frozen meat and seafood','29 oz bag','chicken nuggets|nuggets|chicken nuggies',1,55.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('FZ0036','Breaded Chicken Tenders','8.99','Prairie Ridge','frozen','frozen meat and seafood','25 oz bag','chicken strips|frozen chicken tenders',1,40.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('FZ0037','Italian Style Meatballs','7.99','Nonna Rosa','frozen','frozen meat and seafood','26 oz bag','meatballs|frozen meatballs',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('FZ0038','Beef Hamburger Patties','10.99','Prairie Ridge','frozen','frozen meat and seafood','2 lb box','frozen burgers|hamburger patties|burger patties|frozen hamburgers',1,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('FZ0039','Frozen Raw Shrimp, Peeled and Deveined','14.99','Blue Harbor','frozen','frozen meat and seafood','2 lb bag','frozen shrimp',1,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('FZ0040','Breaded Fish Sticks','5.49','Blue Harbor','frozen','frozen meat and seafood','19 oz box','fish sticks|fish fingers',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('FZ0041','Frozen Tilapia Fillets','10.99','Blue Harbor','frozen','frozen meat and seafood','2 lb bag','frozen tilapia|frozen fish',1,20.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('FZ0042','Mozzarella Sticks','6.99','Fornello','frozen','frozen meat and seafood','24 oz bag','mozz sticks|breaded cheese sticks',1,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('FZ0043','Homestyle Waffles','2.99','Toasty Morning','frozen','frozen breakfast','10 ct','waffles|frozen waffles|toaster waffles',1,50.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('FZ0044','Buttermilk Pancakes','3.49','Toasty Morning','frozen','frozen breakfast','12 ct','frozen pancakes',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('FZ0045','French Toast Sticks','3.99','Toasty Morning','frozen','frozen breakfast','12.7 oz','frozen french toast',1,20.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('FZ0046','Sausage Egg and Cheese Biscuit Sandwiches','6.99','Hickory Hollow','frozen','frozen breakfast','4 ct','breakfast sandwiches|frozen breakfast sandwiches',1,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('FZ0047','Egg and Cheese Breakfast Burritos','6.99','Casa Sol','frozen','frozen breakfast','8 ct','breakfast burritos',1,20.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('FZ0048','Vanilla Ice Cream','4.99','Polar Peak','frozen','ice cream and desserts','1.5 qt','ice cream|french vanilla ice cream',1,60.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('FZ0049','Chocolate Ice Cream','4.99','Polar Peak','frozen','ice cream and desserts','1.5 qt','',1,48.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('FZ0050','Cookies and Cream Ice Cream','4.99','Polar Peak','frozen','ice cream and desserts','1.5 qt','cookies n cream|cookies & cream',1,40.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('FZ0051','Mint Chocolate Chip Ice Cream','4.99','Polar Peak','frozen','ice cream and desserts','1.5 qt','mint chip|mint chocolate chip',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('FZ0052','Strawberry Ice Cream','4.99','Polar Peak','frozen','ice cream and desserts','1.5 qt','',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('FZ0053','Butter Pecan Ice Cream','4.99','Polar Peak','frozen','ice cream and desserts','1.5 qt','butter pecan',1,18.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('FZ0054','Rocky Road Ice Cream','4.99','Polar Peak','frozen','ice cream and desserts','1.5 qt','rocky road',0,15.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('FZ0055','Neapolitan Ice Cream','4.99','Polar Peak','frozen','ice cream and desserts','1.5 qt','neapolitan',1,20.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('FZ0056','Vanilla Bean Ice Cream','5.49','Polar Peak Reserve','frozen','ice cream and desserts','1 pt','vanilla bean|premium vanilla ice cream',1,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('FZ0057','Chocolate Chip Cookie Dough Ice Cream','5.49','Polar Peak Reserve','frozen','ice cream and desserts','1 pt','cookie dough ice cream',1,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('FZ0058','Vanilla Ice Cream Sandwiches','5.49','Polar Peak','frozen','ice cream and desserts','12 ct','ice cream sandwiches',1,40.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('FZ0059','Assorted Fruit Ice Pops','3.99','Polar Peak','frozen','ice cream and desserts','12 ct','ice pops|freezer pops|fruit pops',1,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('FZ0060','Frozen Whipped Topping','2.49','Harvest Lane','frozen','ice cream and desserts','8 oz tub','whipped topping|non dairy whipped topping',1,40.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('FZ0061','Deep Dish Pie Crusts','3.49','Harvest Lane','frozen','ice cream and desserts','2 ct','frozen pie crust|pie shells',1,18.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('FZ0062','Bag of Ice','2.99','Brightwater','frozen','ice','7 lb bag','ice|ice cubes|cubed ice',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BV0001','Orange Juice, No Pulp','4.49','Orchard Gold','beverages','juice','52 fl oz','oj|orange juice|no pulp orange juice|pulp free orange juice',1,75.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BV0002','Orange Juice, Some Pulp','4.49','Orchard Gold','beverages','juice','52 fl oz','oj with pulp|orange juice with pulp|medium pulp orange juice',1,45.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BV0003','Orange Juice, Extra Pulp','4.49','Orchard Gold','beverages','juice','52 fl oz','lots of pulp orange juice|high pulp oj',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BV0004','Orange Juice, No Pulp','3.49','Harvest Lane','beverages','juice','64 fl oz','oj|orange juice',1,60.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BV0005','100% Apple Juice','2.99','Orchard Gold','beverages','juice','64 fl oz','apple juice',1,50.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BV0006','100% Apple Juice Boxes','3.49','Orchard Gold','beverages','juice','8 pack 6.75 fl oz boxes','juice boxes|apple juice boxes|kids juice boxes',1,40.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BV0007','Cranberry Juice Cocktail','3.49','Orchard Gold','beverages','juice','64 fl oz','cranberry juice|cran juice',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BV0008','Concord Grape Juice','3.99','Orchard Gold','beverages','juice','64 fl oz','grape juice',1,28.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BV0009','Lemonade','2.99','Orchard Gold','beverages','juice','52 fl oz','fresh lemonade',1,40.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BV0010','Fruit Punch','2.99','Harvest Lane','beverages','juice','1 gal','punch|red drink',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BV0011','100% Vegetable Juice','3.49','Orchard Gold','beverages','juice','46 fl oz','vegetable juice|veggie juice|tomato juice',1,15.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BV0012','Coconut Water','4.99','Orchard Gold','beverages','juice','33.8 fl oz','pure coconut water',1,20.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BV0013','Cola','7.49','Fizzco','beverages','soda','12 pack 12 fl oz cans','soda|pop|cola soda|soft drink|cola 12 pack',1,70.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('BV0014','Cola','2.79','Fizzco','beverages','soda','2 liter','cola bottle|two liter cola|soda bottle',1,55.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('BV0015','Diet Cola','7.49','Fizzco','beverages','soda','12 pack 12 fl oz cans','diet soda|diet pop',1,50.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('BV0016','Zero Sugar Cola','7.49','Fizzco','beverages','soda','12 pack 12 fl oz cans','zero sugar soda|sugar free cola|zero cola',1,45.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('BV0017','Lemon Lime Soda','7.49','Fizzco','beverages','soda','12 pack 12 fl oz cans','lemon lime pop|lemon-lime soda|clear soda',1,45.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('BV0018','Ginger Ale','6.99','Fizzco','beverages','soda','12 pack 12 fl oz cans','gingerale|ginger soda',0,40.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('BV0019','Root Beer','6.99','Fizzco','beverages','soda','12 pack 12 fl oz cans','root beer soda',1,35.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('BV0020','Orange Soda','2.49','Fizzco','beverages','soda','2 liter','orange pop',1,20.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('BV0021','Cola','1.49','Harvest Lane','beverages','soda','2 liter','store brand cola|soda',1,30.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('BV0022','Club Soda','1.29','Brightwater','beverages','sparkling water','1 liter','soda water|club soda water',1,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BV0023','Tonic Water','1.49','Brightwater','beverages','sparkling water','1 liter','tonic',1,20.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BV0024','Original Seltzer Water','1.09','Brightwater','beverages','sparkling water','1 liter','seltzer|plain seltzer|seltzer water',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BV0025','Lime Sparkling Water','4.49','Brightwater','beverages','sparkling water','8 pack 12 fl oz cans','sparkling water|lime seltzer|flavored sparkling water|lime flavored seltzer',1,45.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BV0026','Lemon Sparkling Water','4.49','Brightwater','beverages','sparkling water','8 pack 12 fl oz cans','lemon seltzer',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BV0027','Grapefruit Sparkling Water','4.49','Brightwater','beverages','sparkling water','8 pack 12 fl oz cans','grapefruit seltzer',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BV0028','Pure Sparkling Water','4.49','Brightwater','beverages','sparkling water','8 pack 12 fl oz cans','plain sparkling water|unflavored sparkling water|sparkling water',1,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BV0029','Sparkling Natural Mineral Water','1.99','Alpine Source','beverages','sparkling water','750 ml','mineral water|sparkling mineral water',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BV0030','Purified Drinking Water','4.99','Brightwater','beverages','water','24 pack 16.9 fl oz bottles','bottled water|water bottles',1,70.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BV0031','Spring Water','1.29','Brightwater','beverages','water','1 gal','water jug',1,40.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BV0032','Distilled Water','1.29','Brightwater','beverages','water','1 gal','distilled',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BV0033','Alkaline Water','1.99','Alpine Source','beverages','water','1 liter','alkaline',1,15.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BV0034','Fruit Punch Sports Drink','1.69','Rally Sport','beverages','sports and energy drinks','28 fl oz','sports drink|electrolyte drink',1,40.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('BV0035','Lemon Lime Sports Drink','1.69','Rally Sport','beverages','sports and energy drinks','28 fl oz','',1,35.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('BV0036','Original Energy Drink','2.99','Voltrush','beverages','sports and energy drinks','16 fl oz can','energy drink',1,30.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('BV0037','Sugar Free Energy Drink','2.99','Voltrush','beverages','sports and energy drinks','16 fl oz can','zero energy drink',1,20.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('BV0038','Medium Roast Ground Coffee','8.99','Bean & Bloom','beverages','coffee','12 oz bag','coffee|ground coffee|house blend coffee|medium roast coffee',1,65.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BV0039','Dark Roast Ground Coffee','8.99','Bean & Bloom','beverages','coffee','12 oz bag','dark roast|french roast|dark roast coffee',1,45.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BV0040','Decaf Medium Roast Ground Coffee','8.99','Bean & Bloom','beverages','coffee','12 oz bag','decaf|decaf coffee|decaffeinated coffee',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BV0041','Breakfast Blend Ground Coffee','12.99','Harvest Lane','beverages','coffee','30.5 oz canister','breakfast blend|big can of coffee|canister of coffee',1,50.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BV0042','Medium Roast Whole Bean Coffee','9.99','Bean & Bloom','beverages','coffee','12 oz bag','whole bean coffee|coffee beans|whole beans',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BV0043','Espresso Roast Whole Bean Coffee','9.99','Bean & Bloom','beverages','coffee','12 oz bag','espresso beans|espresso roast',0,20.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BV0044','Medium Roast Coffee Pods','14.99','Bean & Bloom','beverages','coffee','24 ct','coffee pods|single serve coffee|coffee cups|pods|medium roast pods',1,55.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BV0045','Dark Roast Coffee Pods','14.99','Bean & Bloom','beverages','coffee','24 ct','dark roast pods',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BV0046','Decaf Coffee Pods','7.99','Bean & Bloom','beverages','coffee','12 ct','decaf pods',1,15.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BV0047','Instant Coffee','6.99','Harvest Lane','beverages','coffee','8 oz jar','instant',1,20.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BV0048','Cold Brew Coffee Concentrate','6.99','Bean & Bloom','beverages','coffee','32 fl oz','cold brew|cold brew concentrate',1,20.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BV0049','Black Tea Bags','4.49','Willow Leaf','beverages','tea and cocoa','100 ct','tea|tea bags|black tea|orange pekoe',1,45.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BV0050','Green Tea Bags','3.49','Willow Leaf','beverages','tea and cocoa','20 ct','green tea',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BV0051','Chamomile Herbal Tea','3.49','Willow Leaf','beverages','tea and cocoa','20 ct','chamomile|chamomile tea',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BV0052','Peppermint Herbal Tea','3.49','Willow Leaf','beverages','tea and cocoa','20 ct','mint tea|peppermint tea',1,18.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BV0053','Earl Grey Tea','3.99','Willow Leaf','beverages','tea and cocoa','20 ct','earl grey',1,20.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BV0054','Family Size Iced Tea Bags','3.49','Willow Leaf','beverages','tea and cocoa','24 ct','iced tea bags',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BV0055','Southern Sweet Tea','3.49','Orchard Gold','beverages','tea and cocoa','1 gal','sweet tea|iced tea',1,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BV0056','Milk Chocolate Hot Cocoa Mix','2.99','Sugarbrook','beverages','tea and cocoa','8 ct','hot chocolate|hot cocoa|cocoa mix',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BV0057','Cola','2.29','Fizzco','beverages','soda','20 fl oz bottle','bottle of cola|single cola',1,40.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('BV0058','Cola','5.49','Fizzco','beverages','soda','6 pack 16.9 fl oz bottles','cola six pack',1,35.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('BV0059','Cola','13.99','Fizzco','beverages','soda','24 pack 12 fl oz cans','case of cola|cola case',1,30.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('BV0060','Diet Cola','2.29','Fizzco','beverages','soda','20 fl oz bottle','bottle of diet cola',1,25.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('BV0061','Purified Drinking Water','0.99','Brightwater','beverages','water','16.9 fl oz bottle','bottle of water',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BV0062','Purified Drinking Water','2.49','Brightwater','beverages','water','6 pack 16.9 fl oz bottles','six pack of water',1,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BV0063','Lime Sparkling Water','1.19','Brightwater','beverages','sparkling water','1 liter bottle','',1,20.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('HC0001','Original Scent Liquid Laundry Detergent','12.99','Shinewell','household and cleaning','laundry','92 fl oz','laundry detergent|detergent|laundry soap|liquid detergent',1,60.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('HC0002','Free and Clear Liquid Laundry Detergent','12.99','Shinewell','household and cleaning','laundry','92 fl oz','free and clear detergent|unscented detergent|sensitive skin detergent',1,45.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('HC0003','Laundry Detergent Pacs','13.99','Shinewell','household and cleaning','laundry','42 ct','laundry pods|detergent pods|laundry pacs',1,50.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('HC0004','Liquid Laundry Detergent','7.99','Harvest Lane','household and cleaning','laundry','100 fl oz','laundry detergent|detergent',1,40.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('HC0005','Fabric Softener','5.99','Softbreeze','household and cleaning','laundry','64 fl oz','softener|liquid fabric softener',1,30.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('HC0006','Dryer Sheets','5.49','Softbreeze','household and cleaning','laundry','120 ct','fabric softener sheets|dryer sheet',1,40.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('HC0007','Regular Bleach','3.99','Harvest Lane','household and cleaning','laundry','81 fl oz','bleach|liquid bleach|chlorine bleach',1,40.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('HC0008','Oxygen Stain Remover Powder','7.99','Shinewell','household and cleaning','laundry','3 lb','stain remover powder|oxygen cleaner',0,18.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('HC0009','Laundry Stain Remover Spray','4.49','Shinewell','household and cleaning','laundry','22 fl oz','stain remover|stain spray',1,15.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('HC0010','Original Dish Soap','3.49','Shinewell','household and cleaning','dish care','19.4 fl oz','dish soap|dishwashing liquid|dish liquid|dish detergent',1,60.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('HC0011','Lemon Dish Soap','3.49','Shinewell','household and cleaning','dish care','19.4 fl oz','lemon dish liquid',1,35.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('HC0012','Dish Soap','1.99','Harvest Lane','household and cleaning','dish care','24 fl oz','dishwashing liquid',1,35.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('HC0013','Dishwasher Detergent Pacs','9.99','Shinewell','household and cleaning','dish care','32 ct','dishwasher pods|dishwasher tabs|dishwasher detergent|dishwasher tablets',1,45.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('HC0014','Dishwasher Rinse Aid','4.99','Shinewell','household and cleaning','dish care','8.45 fl oz','rinse aid',1,15.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('HC0015','Non-Scratch Scrub Sponges','4.49','Shinewell','household and cleaning','dish care','6 ct','sponges|kitchen sponges|scrub sponges|scrubbers',1,35.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('HC0016','Steel Wool Soap Pads','2.99','Shinewell','household and cleaning','dish care','10 ct','steel wool|soap pads|scouring pads',1,12.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('HC0017','Reusable Cleaning Gloves','3.49','Shinewell','household and cleaning','dish care','1 pair','dish gloves|rubber gloves|kitchen gloves',1,12.0,NULL,'each',NULL,NULL,1);
INSERT INTO "products" VALUES('HC0018','All Purpose Cleaner Spray','3.99','Shinewell','household and cleaning','cleaners','32 fl oz','all purpose cleaner|multi surface cleaner|spray cleaner',1,40.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('HC0019','Glass Cleaner','3.49','Shinewell','household and cleaning','cleaners','23 fl oz','window cleaner|glass spray',1,30.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('HC0020','Lemon Disinfecting Wipes','5.49','Shinewell','household and cleaning','cleaners','75 ct','disinfecting wipes|cleaning wipes|sanitizing wipes|disinfectant wipes',1,50.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('HC0021','Toilet Bowl Cleaner','2.99','Shinewell','household and cleaning','cleaners','24 fl oz','toilet cleaner|bowl cleaner',1,25.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('HC0022','Bathroom Cleaner','3.99','Shinewell','household and cleaning','cleaners','32 fl oz','tub and tile cleaner|shower cleaner',1,20.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('HC0023','Multi Surface Floor Cleaner','4.49','Shinewell','household and cleaning','cleaners','32 fl oz','floor cleaner|mop solution',1,15.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('HC0024','Cleaning Eraser Sponges','3.99','Shinewell','household and cleaning','cleaners','4 ct','eraser sponges|melamine sponges',1,20.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('HC0025','Linen Scent Air Freshener Spray','3.49','Softbreeze','household and cleaning','cleaners','8 oz','air freshener|room spray',1,20.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('HC0026','Tall Kitchen Drawstring Trash Bags, 13 Gallon','9.99','Stronghold','household and cleaning','trash bags','45 ct','trash bags|garbage bags|kitchen bags|13 gallon bags|kitchen trash bags|bin liners',1,55.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('HC0027','Tall Kitchen Trash Bags, 13 Gallon','11.99','Harvest Lane','household and cleaning','trash bags','80 ct','trash bags|garbage bags|kitchen bags',1,40.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('HC0028','Large Trash Bags, 30 Gallon','9.49','Stronghold','household and cleaning','trash bags','28 ct','large garbage bags|outdoor trash bags|big trash bags|30 gallon bags',1,30.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('HC0029','Contractor Bags, 42 Gallon','14.99','Stronghold','household and cleaning','trash bags','20 ct','contractor bags|heavy duty trash bags|lawn bags',1,12.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('HC0030','Small Trash Bags, 4 Gallon','3.99','Stronghold','household and cleaning','trash bags','30 ct','small garbage bags|wastebasket bags|bathroom trash bags',1,20.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('HC0031','Aluminum Foil','4.99','Sealtight','household and cleaning','food storage and wraps','75 sq ft','foil|tin foil|aluminium foil',1,45.0,NULL,'each',NULL,NULL,1);
INSERT INTO "products" VALUES('HC0032','Heavy Duty Aluminum Foil','5.49','Sealtight','household and cleaning','food storage and wraps','50 sq ft','heavy duty foil',1,20.0,NULL,'each',NULL,NULL,1);
INSERT INTO "products" VALUES('HC0033','Plastic Wrap','3.99','Sealtight','household and cleaning','food storage and wraps','200 sq ft','cling wrap|cling film|plastic food wrap',1,35.0,NULL,'each',NULL,NULL,1);
INSERT INTO "products" VALUES('HC0034','Parchment Paper','4.49','Sealtight','household and cleaning','food storage and wraps','45 sq ft','baking paper|parchment',1,25.0,NULL,'each',NULL,NULL,1);
INSERT INTO "products" VALUES('HC0035','Wax Paper','2.99','Sealtight','household and cleaning','food storage and wraps','75 sq ft','waxed paper',1,12.0,NULL,'each',NULL,NULL,1);
INSERT INTO "products" VALUES('HC0036','Gallon Storage Bags','4.49','Sealtight','household and cleaning','food storage and wraps','30 ct','gallon bags|gallon zipper bags|zipper bags|gallon size bags',1,45.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('HC0037','Quart Storage Bags','4.49','Sealtight','household and cleaning','food storage and wraps','48 ct','quart bags|quart size bags',1,35.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('HC0038','Sandwich Bags','3.49','Sealtight','household and cleaning','food storage and wraps','100 ct','sandwich baggies|baggies',1,40.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('HC0039','Snack Bags','2.99','Sealtight','household and cleaning','food storage and wraps','50 ct','snack baggies|snack size bags',1,20.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('HC0040','Gallon Freezer Bags','4.99','Sealtight','household and cleaning','food storage and wraps','28 ct','freezer bags',1,25.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('HC0041','AA Alkaline Batteries','8.99','Voltmax','household and cleaning','household essentials','8 ct','aa batteries|double a batteries',1,25.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('HC0042','AAA Alkaline Batteries','8.99','Voltmax','household and cleaning','household essentials','8 ct','aaa batteries|triple a batteries',1,20.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('HC0043','LED Light Bulbs, 60W Equivalent','8.99','Voltmax','household and cleaning','household essentials','4 ct','light bulbs|led bulbs',1,15.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('HC0044','Charcoal Briquets','12.99','Harvest Lane','household and cleaning','household essentials','16 lb bag','charcoal|bbq charcoal',1,15.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('HC0045','Kitchen Matches','2.49','Harvest Lane','household and cleaning','household essentials','250 ct','matches|wooden matches',1,8.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('PP0001','Extra Soft Toilet Paper','12.99','Cloudsoft','paper goods','toilet paper','12 double rolls','tp|bath tissue|toilet tissue|bathroom tissue|toilet roll',1,70.0,NULL,'each',NULL,NULL,1);
INSERT INTO "products" VALUES('PP0002','Extra Soft Toilet Paper','22.99','Cloudsoft','paper goods','toilet paper','24 double rolls','tp|bath tissue|bulk toilet paper',1,40.0,NULL,'each',NULL,NULL,1);
INSERT INTO "products" VALUES('PP0003','Extra Soft Toilet Paper','4.99','Cloudsoft','paper goods','toilet paper','4 double rolls','tp|bath tissue|small pack toilet paper',1,35.0,NULL,'each',NULL,NULL,1);
INSERT INTO "products" VALUES('PP0004','Extra Strong Toilet Paper','16.99','Cloudsoft','paper goods','toilet paper','12 mega rolls','tp|bath tissue|strong toilet paper',1,55.0,NULL,'each',NULL,NULL,1);
INSERT INTO "products" VALUES('PP0005','Bath Tissue','8.99','Harvest Lane','paper goods','toilet paper','12 double rolls','toilet paper|tp|toilet tissue',1,55.0,NULL,'each',NULL,NULL,1);
INSERT INTO "products" VALUES('PP0006','Flushable Wipes','3.99','Cloudsoft','paper goods','toilet paper','48 ct','moist wipes|flushable moist wipes|wet toilet paper',1,25.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('PP0007','Split Sheet Paper Towels','11.99','Cloudsoft','paper goods','paper towels','6 double rolls','paper towels|paper towel|kitchen towels|kitchen roll',1,65.0,NULL,'each',NULL,NULL,1);
INSERT INTO "products" VALUES('PP0008','Split Sheet Paper Towels','2.49','Cloudsoft','paper goods','paper towels','1 double roll','single roll paper towels|paper towel roll',1,25.0,NULL,'each',NULL,NULL,1);
INSERT INTO "products" VALUES('PP0009','Half Sheet Paper Towels','8.99','Harvest Lane','paper goods','paper towels','6 double rolls','paper towels|paper towel',1,55.0,NULL,'each',NULL,NULL,1);
INSERT INTO "products" VALUES('PP0010','Everyday Paper Napkins','3.49','Cloudsoft','paper goods','napkins and tissues','200 ct','napkins|paper napkins|serviettes',1,45.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('PP0011','Dinner Napkins','3.99','Cloudsoft','paper goods','napkins and tissues','50 ct','large napkins',1,15.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('PP0012','Facial Tissues','5.49','Cloudsoft','paper goods','napkins and tissues','3 boxes','tissues|facial tissue|tissue box|tissue paper',1,45.0,NULL,'each',NULL,NULL,1);
INSERT INTO "products" VALUES('PP0013','Facial Tissues with Lotion','6.49','Cloudsoft','paper goods','napkins and tissues','3 boxes','lotion tissues|soft tissues',0,25.0,NULL,'each',NULL,NULL,1);
INSERT INTO "products" VALUES('PP0014','Everyday Paper Plates, 9 Inch','6.99','Cloudsoft','paper goods','disposable tableware','100 ct','paper plates|disposable plates',1,40.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('PP0015','Heavy Duty Paper Plates, 10 Inch','5.99','Cloudsoft','paper goods','disposable tableware','40 ct','heavy duty plates|large paper plates',1,25.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('PP0016','Paper Bowls, 20 oz','4.49','Cloudsoft','paper goods','disposable tableware','40 ct','paper bowls|disposable bowls',1,20.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('PP0017','Plastic Party Cups, 16 oz','4.99','Cloudsoft','paper goods','disposable tableware','50 ct','red cups|party cups|plastic cups|red plastic cups',1,30.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('PP0018','Hot Cups with Lids, 12 oz','3.99','Cloudsoft','paper goods','disposable tableware','25 ct','paper coffee cups|to go cups',1,12.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('PP0019','Assorted Plastic Cutlery','3.49','Cloudsoft','paper goods','disposable tableware','48 ct','plastic cutlery|plasticware|plastic silverware|plastic forks and spoons',1,25.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('PP0020','Plastic Forks','2.49','Cloudsoft','paper goods','disposable tableware','48 ct','disposable forks',1,18.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('PP0021','Basket Coffee Filters','2.49','Harvest Lane','paper goods','kitchen paper','200 ct','coffee filters|basket filters',1,30.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('PP0022','Cone Coffee Filters, No. 4','2.99','Harvest Lane','paper goods','kitchen paper','100 ct','cone filters|number 4 filters|#4 coffee filters',1,20.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('PP0023','Paper Lunch Bags','2.49','Harvest Lane','paper goods','kitchen paper','50 ct','brown paper bags|lunch sacks|brown bags',1,12.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('PP0024','Paper Baking Cups','1.99','Harvest Lane','paper goods','kitchen paper','75 ct','cupcake liners|muffin cups|cupcake papers',1,12.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('PC0001','Moisturizing Shampoo','5.99','Fresh Petal','personal care','hair care','12 fl oz','shampoo|hydrating shampoo',1,40.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('PC0002','Moisturizing Conditioner','5.99','Fresh Petal','personal care','hair care','12 fl oz','conditioner|hair conditioner',1,30.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('PC0003','2 in 1 Shampoo and Conditioner','6.49','Fresh Petal','personal care','hair care','12.6 fl oz','two in one shampoo|2 in 1|shampoo and conditioner',1,30.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('PC0004','Anti Dandruff Shampoo','7.49','Fresh Petal','personal care','hair care','13.5 fl oz','dandruff shampoo',1,25.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('PC0005','Daily Clean Shampoo','3.99','Harvest Lane','personal care','hair care','25.4 fl oz','shampoo|big shampoo',1,25.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('PC0006','Cavity Protection Toothpaste','2.99','BrightMint','personal care','oral care','6 oz','toothpaste|tooth paste|fluoride toothpaste|regular toothpaste',1,50.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('PC0007','Whitening Toothpaste','4.49','BrightMint','personal care','oral care','5.8 oz','whitening tooth paste',0,40.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('PC0008','Sensitivity Relief Toothpaste','6.99','BrightMint','personal care','oral care','4 oz','sensitive toothpaste|toothpaste for sensitive teeth',1,25.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('PC0009','Kids Bubblegum Toothpaste','2.99','BrightMint','personal care','oral care','4.2 oz','kids toothpaste|childrens toothpaste',1,15.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('PC0010','Soft Toothbrushes','3.49','BrightMint','personal care','oral care','2 ct','toothbrush|toothbrushes|soft toothbrush',1,35.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('PC0011','Mint Waxed Dental Floss','2.99','BrightMint','personal care','oral care','50 yd','floss|dental floss',1,25.0,NULL,'each',NULL,NULL,1);
INSERT INTO "products" VALUES('PC0012','Cool Mint Antiseptic Mouthwash','5.99','BrightMint','personal care','oral care','1 liter','mouthwash|mouth wash|mouth rinse',1,30.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('PC0013','Moisturizing Body Wash','6.99','Fresh Petal','personal care','bath and body','22 fl oz','body wash|shower gel',1,40.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('PC0014','Men''s Fresh Sport Body Wash','6.99','Fresh Petal','personal care','bath and body','18 fl oz','mens body wash|men''s body wash',1,25.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('PC0015','Moisturizing Bar Soap','6.99','Fresh Petal','personal care','bath and body','8 ct','soap|bar soap|bars of soap|beauty bar',1,40.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('PC0016','Liquid Hand Soap','1.99','Fresh Petal','personal care','bath and body','7.5 fl oz','hand soap|liquid soap|soap pump',1,45.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('PC0017','Liquid Hand Soap Refill','5.99','Fresh Petal','personal care','bath and body','50 fl oz','hand soap refill|soap refill',1,20.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('PC0018','Hand Sanitizer','2.99','Fresh Petal','personal care','bath and body','8 fl oz','sanitizer|hand gel',1,35.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('PC0019','Daily Moisturizing Lotion','6.99','Fresh Petal','personal care','bath and body','16 fl oz','lotion|body lotion|moisturizer',1,35.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('PC0020','SPF 50 Sunscreen Lotion','9.99','Fresh Petal','personal care','bath and body','8 fl oz','sunscreen|sun block|sunblock|suntan lotion',1,20.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('PC0021','Original Lip Balm','3.49','Fresh Petal','personal care','bath and body','2 ct','lip balm|lip moisturizer',1,25.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('PC0022','Cotton Swabs','3.49','Harvest Lane','personal care','bath and body','500 ct','cotton buds|ear swabs|swabs',1,30.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('PC0023','Cotton Balls','1.99','Harvest Lane','personal care','bath and body','100 ct','cotton rounds',1,20.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('PC0024','Powder Fresh Antiperspirant Deodorant','4.99','Fresh Petal','personal care','deodorant and shaving','2.6 oz','deodorant|antiperspirant|womens deodorant',1,30.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('PC0025','Men''s Antiperspirant Deodorant','4.99','Fresh Petal','personal care','deodorant and shaving','2.7 oz','mens deodorant|men''s deodorant',1,25.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('PC0026','Disposable Razors','7.99','Fresh Petal','personal care','deodorant and shaving','12 ct','razors|razor',1,20.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('PC0027','Shave Gel','3.99','Fresh Petal','personal care','deodorant and shaving','7 oz','shaving cream|shave cream|shaving gel',1,15.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('PC0028','Ibuprofen 200 mg Tablets','6.99','Harvest Lane','personal care','health and wellness','100 ct','ibuprofen|pain reliever|fever reducer',1,30.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('PC0029','Acetaminophen 500 mg Caplets','6.99','Harvest Lane','personal care','health and wellness','100 ct','acetaminophen|extra strength pain reliever',1,30.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('PC0030','Loratadine 10 mg Allergy Relief Tablets','9.99','Harvest Lane','personal care','health and wellness','30 ct','allergy pills|allergy medicine|loratadine',1,20.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('PC0031','Daily Multivitamin','8.99','Harvest Lane','personal care','health and wellness','100 ct','multivitamin|vitamins|multi vitamin',1,20.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('PC0032','Assorted Adhesive Bandages','3.99','Harvest Lane','personal care','health and wellness','30 ct','bandages|adhesive strips|first aid bandages',1,25.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('PC0033','Regular Absorbency Tampons','7.99','Fresh Petal','personal care','health and wellness','36 ct','tampons',1,20.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('PC0034','Ultra Thin Pads with Wings','7.49','Fresh Petal','personal care','health and wellness','36 ct','pads|maxi pads|sanitary pads',1,20.0,NULL,'pack',NULL,NULL,1);
INSERT INTO "products" VALUES('BB0001','Newborn Diapers','13.99','Little Acorn','baby','diapers','31 ct','size n diapers|size zero diapers',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BB0002','Baby Diapers, Size 1','13.99','Little Acorn','baby','diapers','40 ct','size 1 diapers|size one diapers',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BB0003','Baby Diapers, Size 2','13.99','Little Acorn','baby','diapers','36 ct','size 2 diapers|size two diapers',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BB0004','Baby Diapers, Size 3','13.99','Little Acorn','baby','diapers','32 ct','size 3 diapers|size three diapers|diapers',1,42.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BB0005','Baby Diapers, Size 4','13.99','Little Acorn','baby','diapers','28 ct','size 4 diapers|size four diapers',1,40.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BB0006','Baby Diapers, Size 5','13.99','Little Acorn','baby','diapers','25 ct','size 5 diapers|size five diapers',1,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BB0007','Baby Diapers, Size 6','13.99','Little Acorn','baby','diapers','22 ct','size 6 diapers|size six diapers',0,20.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BB0008','Baby Diapers, Size 4','16.99','Harvest Lane','baby','diapers','56 ct','size 4 diapers|store brand diapers',1,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BB0009','Training Pants, 2T-3T','12.99','Little Acorn','baby','diapers','24 ct','training pants|potty training pants|pull on diapers',1,20.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BB0010','Overnight Diapers, Size 4','14.99','Little Acorn','baby','diapers','22 ct','night time diapers|overnight diapers',1,15.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BB0011','Unscented Baby Wipes','2.99','Little Acorn','baby','wipes','72 ct','baby wipes|wipes|wet wipes',1,45.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BB0012','Unscented Baby Wipes','7.99','Little Acorn','baby','wipes','3 pack 216 ct','baby wipes 3 pack|wipes refill',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BB0013','Sensitive Baby Wipes','2.49','Harvest Lane','baby','wipes','80 ct','baby wipes|sensitive wipes',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BB0014','Sweet Potato Baby Food Puree, Stage 1','1.29','Little Acorn','baby','baby food','4 oz jar','sweet potato baby food|stage 1 sweet potato',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BB0015','Banana Baby Food Puree, Stage 1','1.29','Little Acorn','baby','baby food','4 oz jar','banana baby food|stage 1 banana',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BB0016','Apple Baby Food Puree, Stage 1','1.29','Little Acorn','baby','baby food','4 oz jar','apple baby food|stage 1 apple',1,22.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BB0017','Pea Baby Food Puree, Stage 1','1.29','Little Acorn','baby','baby food','4 oz jar','pea baby food|stage 1 peas',1,12.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BB0018','Apple Banana Baby Food Pouch','1.49','Little Acorn','baby','baby food','3.5 oz pouch','baby food pouch|fruit pouch|squeeze pouch',1,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BB0019','Pear Spinach Baby Food Pouch','1.49','Little Acorn','baby','baby food','3.5 oz pouch','veggie pouch',1,18.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BB0020','Baby Oatmeal Cereal','3.49','Little Acorn','baby','baby food','8 oz','baby cereal|infant oatmeal|baby oatmeal',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BB0021','Strawberry Apple Baby Puffs','2.99','Little Acorn','baby','baby food','1.48 oz','baby puffs|puffs',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BB0022','Mixed Berry Yogurt Melts','3.49','Little Acorn','baby','baby food','1 oz','yogurt melts|yogurt bites',1,20.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BB0023','Infant Formula with Iron, Powder','29.99','Little Acorn','baby','formula','29.2 oz','baby formula|formula|infant formula|powdered formula',1,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BB0024','Sensitive Infant Formula, Powder','31.99','Little Acorn','baby','formula','29.8 oz','sensitive formula|gentle formula',1,20.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BB0025','Ready to Feed Infant Formula','11.99','Little Acorn','baby','formula','32 fl oz','liquid formula|ready to feed formula',1,12.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BB0026','Unflavored Electrolyte Solution','6.49','Little Acorn','baby','formula','1 liter','pediatric electrolyte|electrolyte solution|kids electrolyte drink',1,15.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BB0027','Tear Free Baby Shampoo and Wash','6.99','Little Acorn','baby','baby care','16 fl oz','baby shampoo|baby wash|baby soap',1,20.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BB0028','Baby Lotion','5.99','Little Acorn','baby','baby care','13.6 fl oz','infant lotion',1,15.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BB0029','Diaper Rash Cream','6.99','Little Acorn','baby','baby care','4 oz','diaper cream|rash cream|diaper ointment',1,20.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('BB0030','Baby Oil','4.49','Little Acorn','baby','baby care','14 fl oz','infant oil',1,10.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PT0001','Chicken and Rice Adult Dry Dog Food','24.99','Wagwell','pet','dog food','16 lb bag','dog food|dry dog food|kibble|dog kibble',1,40.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PT0002','Beef and Vegetable Adult Dry Dog Food','24.99','Wagwell','pet','dog food','16 lb bag','beef dog food',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PT0003','Puppy Dry Dog Food','26.99','Wagwell','pet','dog food','16 lb bag','puppy food|puppy kibble',1,20.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PT0004','Small Breed Dry Dog Food','11.99','Wagwell','pet','dog food','5 lb bag','small dog food',1,20.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PT0005','Beef Stew Wet Dog Food','2.29','Wagwell','pet','dog food','13 oz can','canned dog food|wet dog food',1,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PT0006','Wet Dog Food Variety Pack','12.99','Wagwell','pet','dog food','12 pack 3.5 oz trays','dog food variety pack',1,20.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PT0007','Peanut Butter Dog Biscuits','6.99','Wagwell','pet','dog treats and supplies','24 oz box','dog biscuits|dog treats|dog bones',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PT0008','Dental Dog Chews','12.99','Wagwell','pet','dog treats and supplies','18 ct','dental chews|dog dental treats',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PT0009','Beef Flavor Chew Sticks','6.99','Wagwell','pet','dog treats and supplies','10 ct','chew sticks|dog chews',1,15.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PT0010','Dog Waste Bags','6.99','Wagwell','pet','dog treats and supplies','120 ct','poop bags|dog poop bags|waste bags',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PT0011','Indoor Chicken Dry Cat Food','14.99','Purrfect Bowl','pet','cat food','7 lb bag','cat food|dry cat food|cat kibble',1,40.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PT0012','Salmon Adult Dry Cat Food','8.99','Purrfect Bowl','pet','cat food','3.15 lb bag','salmon cat food',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PT0013','Kitten Dry Food','9.99','Purrfect Bowl','pet','cat food','3.15 lb bag','kitten food|kitten kibble',0,15.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PT0014','Chicken Pate Wet Cat Food','0.79','Purrfect Bowl','pet','cat food','3 oz can','canned cat food|wet cat food|cat food can',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PT0015','Pate Wet Cat Food Variety Pack','9.49','Purrfect Bowl','pet','cat food','12 pack 3 oz cans','cat food variety pack|wet cat food variety pack',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PT0016','Turkey in Gravy Wet Cat Food','0.79','Purrfect Bowl','pet','cat food','3 oz can','cat food in gravy',1,20.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PT0017','Chicken Flavor Cat Treats','2.49','Purrfect Bowl','pet','cat food','2.1 oz','cat treats|kitty treats',1,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PT0018','Unscented Clumping Cat Litter','12.99','Fresh Paws','pet','cat litter','20 lb','cat litter|kitty litter|clumping litter|litter',1,40.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PT0019','Scented Clumping Cat Litter','12.99','Fresh Paws','pet','cat litter','20 lb','scented litter|scented cat litter',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PT0020','Lightweight Clumping Cat Litter','11.99','Fresh Paws','pet','cat litter','8.5 lb','light litter|lightweight litter',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PT0021','Non-Clumping Clay Cat Litter','3.99','Fresh Paws','pet','cat litter','10 lb','clay litter|non clumping litter',1,12.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PT0022','Wild Bird Seed','6.99','Harvest Lane','pet','other pets','5 lb bag','bird seed|birdseed',1,12.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('PT0023','Tropical Fish Flakes','4.99','Harvest Lane','pet','other pets','2.2 oz','fish food|fish flakes',1,8.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SB0001','All Purpose Flour','3.49','Harvest Lane','spices and baking','flour and meal','5 lb bag','flour|ap flour|all-purpose flour|plain flour|white flour',1,72.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SB0002','All Purpose Flour','2.29','Harvest Lane','spices and baking','flour and meal','2 lb bag','small bag of flour|ap flour',1,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SB0003','Unbleached All Purpose Flour','4.49','Old Granary','spices and baking','flour and meal','5 lb bag','unbleached flour|all purpose flour|ap flour',1,50.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SB0004','Bread Flour','5.49','Old Granary','spices and baking','flour and meal','5 lb bag','strong flour|high gluten flour|bread machine flour',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SB0005','Whole Wheat Flour','4.99','Old Granary','spices and baking','flour and meal','5 lb bag','wheat flour|whole grain flour',1,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SB0006','Self Rising Flour','3.99','Harvest Lane','spices and baking','flour and meal','5 lb bag','self-rising flour|self raising flour',1,18.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SB0007','Cake Flour','4.49','Old Granary','spices and baking','flour and meal','2 lb box','cake and pastry flour',1,12.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SB0008','Almond Flour','8.99','Nut Grove','spices and baking','flour and meal','16 oz bag','almond meal',1,15.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SB0009','Yellow Cornmeal','2.99','Harvest Lane','spices and baking','flour and meal','2 lb','cornmeal|corn meal',1,15.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SB0010','Cornstarch','2.29','Harvest Lane','spices and baking','flour and meal','16 oz box','corn starch|cornflour',1,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SB0011','Granulated Sugar','3.79','Harvest Lane','spices and baking','sugar and sweeteners','4 lb bag','sugar|white sugar|cane sugar|granulated',1,66.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SB0012','Light Brown Sugar','2.99','Harvest Lane','spices and baking','sugar and sweeteners','2 lb bag','brown sugar',1,45.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SB0013','Dark Brown Sugar','2.99','Harvest Lane','spices and baking','sugar and sweeteners','2 lb bag','dark brown',1,20.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SB0014','Powdered Sugar','2.99','Harvest Lane','spices and baking','sugar and sweeteners','2 lb bag','confectioners sugar|confectioner''s sugar|icing sugar|powder sugar',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SB0015','Zero Calorie Sweetener Packets','4.99','Harvest Lane','spices and baking','sugar and sweeteners','100 ct','sweetener|sugar substitute|artificial sweetener|sweetener packets',1,20.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SB0016','Baking Soda','1.29','Harvest Lane','spices and baking','baking ingredients','16 oz box','bicarbonate of soda|bicarb|sodium bicarbonate',1,45.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SB0017','Baking Powder','2.99','Harvest Lane','spices and baking','baking ingredients','8.1 oz can','double acting baking powder',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SB0018','Active Dry Yeast','2.49','Harvest Lane','spices and baking','baking ingredients','3 ct','yeast|dry yeast|yeast packets',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SB0019','Pure Vanilla Extract','7.99','Spice Trail','spices and baking','baking ingredients','2 fl oz','vanilla|vanilla extract',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SB0020','Semi-Sweet Chocolate Chips','3.49','Sugarbrook','spices and baking','baking ingredients','12 oz bag','chocolate chips|choc chips|semisweet chips|semi sweet chocolate chips',1,45.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SB0021','Milk Chocolate Chips','3.49','Sugarbrook','spices and baking','baking ingredients','11.5 oz bag','milk chocolate morsels',1,20.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SB0022','Unsweetened Cocoa Powder','4.49','Sugarbrook','spices and baking','baking ingredients','8 oz','cocoa|cocoa powder|baking cocoa',1,20.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SB0023','Sweetened Condensed Milk','2.49','Meadow Valley','spices and baking','baking ingredients','14 oz can','condensed milk',1,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SB0024','Evaporated Milk','1.49','Meadow Valley','spices and baking','baking ingredients','12 fl oz can','evaporated|canned milk',1,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SB0025','Vegetable Shortening','4.49','Harvest Lane','spices and baking','baking ingredients','16 oz can','shortening',1,15.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SB0026','Walnut Halves and Pieces','4.49','Nut Grove','spices and baking','baking ingredients','6 oz bag','walnuts|chopped walnuts',1,20.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SB0027','Chopped Pecans','5.49','Nut Grove','spices and baking','baking ingredients','6 oz bag','pecans|pecan pieces',1,20.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SB0028','Sliced Almonds','4.49','Nut Grove','spices and baking','baking ingredients','6 oz bag','almond slices',1,15.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SB0029','Sweetened Shredded Coconut','2.99','Harvest Lane','spices and baking','baking ingredients','7 oz bag','coconut flakes|shredded coconut',1,15.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SB0030','Mini Marshmallows','1.99','Harvest Lane','spices and baking','baking ingredients','10 oz bag','marshmallows|mini marshmallow',1,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SB0031','Large Marshmallows','1.99','Harvest Lane','spices and baking','baking ingredients','10 oz bag','jumbo marshmallows|big marshmallows',1,20.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SB0032','Rainbow Sprinkles','2.99','Harvest Lane','spices and baking','baking ingredients','3.5 oz','sprinkles|jimmies',1,15.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SB0033','Assorted Food Coloring','3.49','Harvest Lane','spices and baking','baking ingredients','4 ct','food coloring|food dye',1,8.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SB0034','Unflavored Gelatin','2.49','Harvest Lane','spices and baking','baking ingredients','4 ct','gelatin packets',1,8.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SB0035','Cherry Pie Filling','3.49','Harvest Lane','spices and baking','baking ingredients','21 oz can','pie filling',1,12.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SB0036','Yellow Cake Mix','1.99','Sugarbrook','spices and baking','baking mixes and desserts','15.25 oz box','cake mix|yellow cake',1,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SB0037','Chocolate Fudge Cake Mix','1.99','Sugarbrook','spices and baking','baking mixes and desserts','15.25 oz box','chocolate cake mix',1,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SB0038','Fudge Brownie Mix','2.49','Sugarbrook','spices and baking','baking mixes and desserts','18 oz box','brownie mix',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SB0039','Vanilla Frosting','2.29','Sugarbrook','spices and baking','baking mixes and desserts','16 oz can','vanilla icing|frosting|white frosting',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SB0040','Chocolate Frosting','2.29','Sugarbrook','spices and baking','baking mixes and desserts','16 oz can','chocolate icing',1,22.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SB0041','Instant Chocolate Pudding Mix','1.49','Sugarbrook','spices and baking','baking mixes and desserts','3.9 oz box','chocolate pudding mix',1,22.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SB0042','Banana Cream Instant Pudding Mix','1.49','Sugarbrook','spices and baking','baking mixes and desserts','3.4 oz box','banana pudding mix|banana cream pudding',1,10.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SB0043','Strawberry Gelatin Dessert','1.29','Sugarbrook','spices and baking','baking mixes and desserts','3 oz box','strawberry gelatin|gelatin dessert',1,15.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SB0044','Iodized Salt','1.29','Harvest Lane','spices and baking','salt and pepper','26 oz canister','salt|table salt|iodized',1,55.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SB0045','Kosher Salt','4.49','Harvest Lane','spices and baking','salt and pepper','3 lb box','coarse salt|kosher',1,40.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SB0046','Fine Sea Salt','2.99','Spice Trail','spices and baking','salt and pepper','26.5 oz','sea salt',1,20.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SB0047','Pink Himalayan Salt Grinder','4.49','Spice Trail','spices and baking','salt and pepper','4.4 oz','himalayan salt|pink salt',1,18.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SB0048','Ground Black Pepper','3.99','Spice Trail','spices and baking','salt and pepper','4 oz','pepper|black pepper|ground pepper',1,55.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SB0049','Black Peppercorn Grinder','3.99','Spice Trail','spices and baking','salt and pepper','2.5 oz','peppercorns|pepper grinder|whole peppercorns',1,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SB0050','Ground Turmeric','3.49','Spice Trail','spices and baking','spices and seasonings','2.4 oz','turmeric|turmeric powder',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SB0051','Ground Cinnamon','2.99','Spice Trail','spices and baking','spices and seasonings','2.37 oz','cinnamon|cinnamon powder',1,45.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SB0052','Cinnamon Sticks','3.99','Spice Trail','spices and baking','spices and seasonings','1 oz','whole cinnamon',1,12.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SB0053','Ground Cumin','3.49','Spice Trail','spices and baking','spices and seasonings','1.5 oz','cumin',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SB0054','Chili Powder','2.99','Spice Trail','spices and baking','spices and seasonings','2.5 oz','chile powder',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SB0055','Paprika','2.99','Spice Trail','spices and baking','spices and seasonings','2.12 oz','sweet paprika',1,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SB0056','Smoked Paprika','3.49','Spice Trail','spices and baking','spices and seasonings','1.75 oz','spanish paprika',1,22.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SB0057','Garlic Powder','2.99','Spice Trail','spices and baking','spices and seasonings','3 oz','granulated garlic',1,45.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SB0058','Onion Powder','2.99','Spice Trail','spices and baking','spices and seasonings','2.62 oz','granulated onion',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SB0059','Dried Oregano Leaves','2.49','Spice Trail','spices and baking','spices and seasonings','0.75 oz','dried oregano|oregano',1,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SB0060','Dried Basil Leaves','2.49','Spice Trail','spices and baking','spices and seasonings','0.62 oz','dried basil',1,22.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SB0061','Dried Thyme Leaves','2.49','Spice Trail','spices and baking','spices and seasonings','0.75 oz','dried thyme',1,18.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SB0062','Dried Rosemary Leaves','2.49','Spice Trail','spices and baking','spices and seasonings','0.75 oz','dried rosemary',1,15.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SB0063','Italian Seasoning','2.99','Spice Trail','spices and baking','spices and seasonings','0.87 oz','italian herbs|italian spices',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SB0064','Crushed Red Pepper Flakes','2.99','Spice Trail','spices and baking','spices and seasonings','1.5 oz','red pepper flakes|chili flakes|crushed red pepper',1,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SB0065','Ground Cayenne Pepper','2.99','Spice Trail','spices and baking','spices and seasonings','1.75 oz','cayenne',1,20.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SB0066','Ground Ginger','3.49','Spice Trail','spices and baking','spices and seasonings','1.5 oz','ginger powder',1,15.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SB0067','Ground Nutmeg','3.99','Spice Trail','spices and baking','spices and seasonings','1.1 oz','nutmeg',1,12.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SB0068','Bay Leaves','2.99','Spice Trail','spices and baking','spices and seasonings','0.12 oz','bay leaf',1,15.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SB0069','Curry Powder','3.49','Spice Trail','spices and baking','spices and seasonings','1.75 oz','curry',1,15.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SB0070','Pumpkin Pie Spice','3.49','Spice Trail','spices and baking','spices and seasonings','1 oz','pumpkin spice',0,10.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SB0071','Everything Bagel Seasoning','2.99','Spice Trail','spices and baking','spices and seasonings','2.3 oz','everything seasoning',1,20.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SB0072','Lemon Pepper Seasoning','2.99','Spice Trail','spices and baking','spices and seasonings','3 oz','lemon pepper',1,15.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SB0073','Seasoned Salt','2.99','Spice Trail','spices and baking','spices and seasonings','8 oz','season salt|seasoning salt',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SB0074','Garlic Salt','2.49','Spice Trail','spices and baking','spices and seasonings','5.25 oz','garlic seasoning salt',1,20.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SB0075','Taco Seasoning Mix','0.99','Casa Sol','spices and baking','spices and seasonings','1 oz packet','taco seasoning|taco mix',1,45.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('SB0076','Chicken Bouillon Cubes','2.99','Harvest Lane','spices and baking','spices and seasonings','25 ct','bouillon|chicken cubes|stock cubes|bouillon cubes',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CD0001','Tomato Ketchup','2.49','Harvest Lane','condiments','ketchup mustard and mayo','32 oz bottle','ketchup|catsup',1,65.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CD0002','Tomato Ketchup','4.49','Fenwick''s','condiments','ketchup mustard and mayo','38 oz bottle','ketchup|catsup|squeeze ketchup',1,60.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CD0003','Yellow Mustard','1.49','Harvest Lane','condiments','ketchup mustard and mayo','14 oz bottle','mustard|classic yellow mustard',1,50.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CD0004','Dijon Mustard','2.99','Fenwick''s','condiments','ketchup mustard and mayo','12 oz jar','dijon',1,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CD0005','Spicy Brown Mustard','2.49','Fenwick''s','condiments','ketchup mustard and mayo','12 oz bottle','deli mustard|brown mustard',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CD0006','Honey Mustard','2.99','Fenwick''s','condiments','ketchup mustard and mayo','12 oz bottle','honey mustard sauce',1,20.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CD0007','Real Mayonnaise','4.99','Fenwick''s','condiments','ketchup mustard and mayo','30 fl oz jar','mayo|mayonnaise',1,60.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CD0008','Light Mayonnaise','4.99','Fenwick''s','condiments','ketchup mustard and mayo','30 fl oz jar','light mayo|low fat mayo',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CD0009','Mayonnaise','3.49','Harvest Lane','condiments','ketchup mustard and mayo','30 fl oz jar','mayo',1,45.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CD0010','Whipped Salad Dressing','3.99','Harvest Lane','condiments','ketchup mustard and mayo','30 oz jar','sandwich spread|salad dressing spread|tangy mayo',1,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CD0011','Kosher Dill Pickle Spears','3.49','Fenwick''s','condiments','pickles and relish','24 oz jar','pickles|pickle spears|dill pickles',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CD0012','Bread and Butter Pickle Chips','3.49','Fenwick''s','condiments','pickles and relish','24 oz jar','sweet pickles|bread & butter pickles',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CD0013','Sweet Relish','1.99','Fenwick''s','condiments','pickles and relish','10 oz jar','relish|pickle relish',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CD0014','Louisiana Style Hot Sauce','1.99','Bayou Fire','condiments','sauces','6 fl oz','hot sauce|louisiana hot sauce',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CD0015','Sriracha Hot Chili Sauce','3.99','Lotus Garden','condiments','sauces','17 oz bottle','sriracha|chili sauce',1,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CD0016','Original BBQ Sauce','2.49','Hickory Hollow','condiments','sauces','18 oz bottle','bbq sauce|barbecue sauce|barbeque sauce',1,45.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CD0017','Honey BBQ Sauce','2.49','Hickory Hollow','condiments','sauces','18 oz bottle','honey barbecue sauce',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CD0018','Steak Sauce','3.99','Fenwick''s','condiments','sauces','10 oz bottle','steak sauce bottle',1,18.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CD0019','Worcestershire Sauce','2.99','Fenwick''s','condiments','sauces','10 fl oz','worcester sauce|wooster sauce|worcestershire',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CD0020','Prepared Horseradish','2.99','Fenwick''s','condiments','sauces','8 oz jar','horseradish',1,10.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CD0021','Tartar Sauce','2.99','Fenwick''s','condiments','sauces','12 oz jar','tartar',1,12.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CD0022','Cocktail Sauce','3.29','Fenwick''s','condiments','sauces','12 oz jar','seafood cocktail sauce|shrimp sauce',0,10.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CD0023','Ranch Dressing','3.49','Fenwick''s','condiments','salad dressing','16 fl oz','ranch|ranch dip',1,55.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CD0024','Italian Dressing','2.99','Fenwick''s','condiments','salad dressing','16 fl oz','italian',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CD0025','Caesar Dressing','3.49','Fenwick''s','condiments','salad dressing','12 fl oz','caesar salad dressing',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CD0026','Balsamic Vinaigrette','3.49','Fenwick''s','condiments','salad dressing','16 fl oz','balsamic dressing',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CD0027','Thousand Island Dressing','2.99','Fenwick''s','condiments','salad dressing','16 fl oz','thousand island',1,15.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CD0028','Chunky Blue Cheese Dressing','3.49','Fenwick''s','condiments','salad dressing','16 fl oz','blue cheese dressing|bleu cheese dressing',1,15.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('CD0029','Honey Mustard Dressing','3.49','Fenwick''s','condiments','salad dressing','16 fl oz','honey mustard salad dressing',1,12.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('IN0001','Soy Sauce','2.99','Lotus Garden','international','asian','15 fl oz','soya sauce|shoyu',1,45.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('IN0002','Less Sodium Soy Sauce','2.99','Lotus Garden','international','asian','15 fl oz','low sodium soy sauce|lite soy sauce',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('IN0003','Teriyaki Sauce','2.99','Lotus Garden','international','asian','10 fl oz','teriyaki|teriyaki marinade',1,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('IN0004','Toasted Sesame Oil','3.99','Lotus Garden','international','asian','5 fl oz','sesame oil',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('IN0005','Seasoned Rice Vinegar','2.49','Lotus Garden','international','asian','12 fl oz','rice vinegar|rice wine vinegar',1,20.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('IN0006','Hoisin Sauce','2.99','Lotus Garden','international','asian','8.5 oz jar','hoisin',1,15.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('IN0007','Thai Sweet Chili Sauce','2.99','Lotus Garden','international','asian','10 fl oz','sweet chili sauce',1,15.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('IN0008','Coconut Milk','2.29','Lotus Garden','international','asian','13.5 fl oz can','canned coconut milk|coconut cream milk',1,35.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('IN0009','Light Coconut Milk','2.29','Lotus Garden','international','asian','13.5 fl oz can','lite coconut milk',1,15.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('IN0010','Red Curry Paste','2.99','Lotus Garden','international','asian','4 oz jar','thai curry paste|curry paste',1,12.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('IN0011','Pad Thai Rice Noodles','2.99','Lotus Garden','international','asian','14 oz box','rice noodles|rice sticks',1,20.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('IN0012','Roasted Seaweed Snack','1.49','Lotus Garden','international','asian','0.35 oz','seaweed snacks|seaweed|nori snack',1,20.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('IN0013','Hard Taco Shells','2.49','Casa Sol','international','mexican','12 ct','taco shells|hard shells|crunchy taco shells',1,45.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('IN0014','Taco Dinner Kit','3.49','Casa Sol','international','mexican','9.8 oz box','taco kit',1,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('IN0015','Red Enchilada Sauce','1.79','Casa Sol','international','mexican','10 oz can','enchilada sauce',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('IN0016','Diced Green Chiles','1.29','Casa Sol','international','mexican','4 oz can','green chiles|green chilies|diced chilies',1,30.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('IN0017','Sliced Jalapeno Peppers','2.29','Casa Sol','international','mexican','12 oz jar','pickled jalapenos|jarred jalapenos|nacho jalapenos',1,25.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('IN0018','Chipotle Peppers in Adobo Sauce','2.29','Casa Sol','international','mexican','7 oz can','chipotles in adobo|chipotle peppers|chipotle',1,15.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('IN0019','Salsa Verde','3.49','Casa Sol','international','mexican','16 oz jar','green salsa|tomatillo salsa',1,20.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('IN0020','Tostada Shells','2.99','Casa Sol','international','mexican','12 ct','tostadas',1,12.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('IN0021','Instant Corn Masa Flour','4.99','Casa Sol','international','mexican','4.4 lb bag','masa|masa harina|corn masa',1,12.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('IN0022','Tikka Masala Simmer Sauce','3.99','Tandoor Lane','international','indian and mediterranean','15 oz jar','tikka masala sauce|tikka masala',1,15.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('IN0023','Ghee','8.99','Tandoor Lane','international','indian and mediterranean','7.5 oz jar','clarified butter',1,12.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('IN0024','Tahini','6.99','Aegean Hills','international','indian and mediterranean','16 oz jar','sesame paste|tahina',0,12.0,NULL,'pack',NULL,NULL,0);
INSERT INTO "products" VALUES('IN0025','Pitted Kalamata Olives','4.49','Aegean Hills','international','indian and mediterranean','9.5 oz jar','kalamata olives|greek olives',1,20.0,NULL,'pack',NULL,NULL,0);
CREATE TABLE replayed_requests (
                request_key text primary key, reply text not null, expires_at text not null);
INSERT INTO "replayed_requests" VALUES('alexa:x:r1','{"speech": "Added milk."}','2026-12-06T02:07:05.921229+00:00');
CREATE TABLE server_secrets (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE "slot_holds" (
   "customer_id" TEXT PRIMARY KEY,
   "store_id" TEXT NOT NULL,
   "kind" TEXT NOT NULL,
   "slot_key" TEXT NOT NULL,
   "slot_start" TEXT NOT NULL,
   "slot_end" TEXT NOT NULL,
   "tz" TEXT NOT NULL,
   "capacity" INTEGER NOT NULL,
   "expires_at" TEXT NOT NULL,
   "session" TEXT
);
CREATE TABLE "stores" (
   "id" TEXT PRIMARY KEY,
   "name" TEXT NOT NULL,
   "address" TEXT,
   "tz" TEXT NOT NULL,
   "hours" TEXT NOT NULL,
   "policy" TEXT NOT NULL,
   "kinds" TEXT NOT NULL
);
INSERT INTO "stores" VALUES('brooklyn','Greenleaf Market Brooklyn','418 Alder Street, Brooklyn, NY 11215','America/New_York','{"monday":["07:00","22:00"],"tuesday":["07:00","22:00"],"wednesday":["07:00","22:00"],"thursday":["07:00","22:00"],"friday":["07:00","22:00"],"saturday":["08:00","22:00"],"sunday":["08:00","20:00"]}','{"pickup_slot_minutes":60,"delivery_window_minutes":120,"lead_time_minutes":120,"hold_time_minutes":10,"picking_lead_minutes":60,"delivery_fee":"5.99","free_delivery_threshold":"35.00","minimum_order":"10.00","pickup_capacity":4,"delivery_capacity":3,"days_ahead":7,"max_held_percent":50}','["pickup","delivery"]');
INSERT INTO "stores" VALUES('chicago','Greenleaf Market Chicago','2290 North Wicker Avenue, Chicago, IL 60647','America/Chicago','{"monday":["08:00","21:00"],"tuesday":["08:00","21:00"],"wednesday":["08:00","21:00"],"thursday":["08:00","21:00"],"friday":["08:00","21:00"],"saturday":["08:00","21:00"],"sunday":["09:00","19:00"]}','{"pickup_slot_minutes":60,"delivery_window_minutes":120,"lead_time_minutes":120,"hold_time_minutes":10,"picking_lead_minutes":60,"delivery_fee":"5.99","free_delivery_threshold":"35.00","minimum_order":"10.00","pickup_capacity":4,"delivery_capacity":3,"days_ahead":7,"max_held_percent":50}','["pickup","delivery"]');
INSERT INTO "stores" VALUES('los-angeles','Greenleaf Market Los Angeles','1537 Sunridge Boulevard, Los Angeles, CA 90026','America/Los_Angeles','{"monday":["06:00","24:00"],"tuesday":["06:00","24:00"],"wednesday":["06:00","24:00"],"thursday":["06:00","24:00"],"friday":["06:00","24:00"],"saturday":["06:00","24:00"],"sunday":["07:00","22:00"]}','{"pickup_slot_minutes":60,"delivery_window_minutes":120,"lead_time_minutes":120,"hold_time_minutes":10,"picking_lead_minutes":60,"delivery_fee":"5.99","free_delivery_threshold":"35.00","minimum_order":"10.00","pickup_capacity":6,"delivery_capacity":4,"days_ahead":7,"max_held_percent":50}','["pickup","delivery"]');
CREATE TABLE voice_codes (
    customer_id TEXT PRIMARY KEY, code_hash TEXT NOT NULL, failures INTEGER NOT NULL,
    locked_until TEXT);
CREATE INDEX "idx_products_department_aisle"
    ON "products" ("department", "aisle");
CREATE INDEX "idx_customers_linked_account"
    ON "customers" ("linked_account");
CREATE INDEX "idx_slot_holds_store_id_kind_slot_start"
    ON "slot_holds" ("store_id", "kind", "slot_start");
CREATE INDEX "idx_slot_holds_slot_key"
    ON "slot_holds" ("slot_key");
CREATE INDEX "idx_slot_holds_session"
    ON "slot_holds" ("session");
CREATE UNIQUE INDEX "idx_orders_submission_key"
    ON "orders" ("submission_key");
CREATE INDEX "idx_orders_customer_id_created_at"
    ON "orders" ("customer_id", "created_at");
CREATE INDEX "idx_orders_store_id_kind_slot_start"
    ON "orders" ("store_id", "kind", "slot_start");
CREATE INDEX idx_outbox_events_state_next ON outbox_events (state, next_attempt_at);
CREATE INDEX idx_outbox_events_state_order ON outbox_events (state, order_id, seq);
CREATE INDEX dialog_sessions_expiry on dialog_sessions(expires_at);
CREATE INDEX replayed_requests_expiry on replayed_requests(expires_at);
CREATE INDEX idx_oauth_grants_family ON oauth_grants (family);
CREATE INDEX idx_oauth_grants_code_hash ON oauth_grants (code_hash);
DELETE FROM "sqlite_sequence";
INSERT INTO "sqlite_sequence" VALUES('outbox_events',1);
COMMIT;