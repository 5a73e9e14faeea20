-- Administrative units (aimag -> soum -> bag) and the bodies that answer petitions.
CREATE TABLE org_unit (
    code         VARCHAR(60)  PRIMARY KEY,
    level        VARCHAR(10)  NOT NULL CHECK (level IN ('AIMAG', 'SOUM', 'BAG')),
    name_mn      VARCHAR(120) NOT NULL,
    name_latin   VARCHAR(120) NOT NULL,
    parent_code  VARCHAR(60)  REFERENCES org_unit (code),
    latitude     DOUBLE PRECISION,
    longitude    DOUBLE PRECISION
);
CREATE INDEX org_unit_parent_idx ON org_unit (parent_code);

CREATE TABLE body (
    code          VARCHAR(80)  PRIMARY KEY,
    name_mn       VARCHAR(200) NOT NULL,
    kind          VARCHAR(30)  NOT NULL,
    unit_code     VARCHAR(60)  NOT NULL REFERENCES org_unit (code),
    aimag_code    VARCHAR(60)  NOT NULL REFERENCES org_unit (code),
    group_id      VARCHAR(64)  NOT NULL UNIQUE,
    head_user_id  VARCHAR(64)  NOT NULL,
    active        BOOLEAN      NOT NULL DEFAULT TRUE
);
CREATE INDEX body_unit_kind_idx ON body (unit_code, kind);

-- What citizens petition about: the Open311 services, the routing DMN's input.
CREATE TABLE category (
    code            VARCHAR(40)  PRIMARY KEY,
    name_mn         VARCHAR(120) NOT NULL,
    description_mn  VARCHAR(400) NOT NULL,
    sort_order      INT          NOT NULL
);

INSERT INTO category (code, name_mn, description_mn, sort_order) VALUES
 ('LAND',           'Газар',                           'Газар эзэмших, ашиглах, газрын маргаан',                 10),
 ('HEALTH',         'Эрүүл мэнд',                      'Эрүүл мэндийн төвийн үйлчилгээ, эм, эмч',                 20),
 ('EDUCATION',      'Боловсрол',                       'Сургууль, цэцэрлэг, дотуур байр',                         30),
 ('SOCIAL_WELFARE', 'Нийгмийн халамж',                 'Тэтгэвэр, тэтгэмж, халамжийн үйлчилгээ',                  40),
 ('INFRASTRUCTURE', 'Зам, ус, дэд бүтэц',              'Зам, гүүр, худаг, цахилгаан, гэрэлтүүлэг',                50),
 ('ENVIRONMENT',    'Байгаль орчин, хог хаягдал',      'Хог хаягдал, бэлчээр, ус бохирдол',                       60),
 ('PUBLIC_SERVICE', 'Төрийн үйлчилгээ',                'Төрийн албан хаагчийн үйлчилгээ, ёс зүй, хүнд суртал',     70),
 ('LOCAL_FUND',     'Орон нутгийг хөгжүүлэх сан',      'ОНХС-ийн төсөл, хөрөнгө оруулалт, хяналт',               80),
 ('OTHER',          'Бусад',                           'Дээрх ангилалд хамаарахгүй',                              90);

-- Real places: Govisumber (Sumber soum, 6 bags), Khentii (Delgerkhaan, Jargaltkhaan, Batshireet soums),
-- Khovd (Jargalant soum, 12 bags). Coordinates are those of the aimag and soum centres.
INSERT INTO org_unit (code, level, name_mn, name_latin, parent_code, latitude, longitude) VALUES
 ('govisumber', 'AIMAG', 'Говьсүмбэр', 'Govisumber', NULL, 46.3597, 108.3558),
 ('khentii',    'AIMAG', 'Хэнтий',     'Khentii',    NULL, 47.3193, 110.6556),
 ('khovd',      'AIMAG', 'Ховд',       'Khovd',      NULL, 48.0056,  91.6419);

INSERT INTO org_unit (code, level, name_mn, name_latin, parent_code, latitude, longitude) VALUES
 ('govisumber.sumber',     'SOUM', 'Сүмбэр',      'Sumber',       'govisumber', 46.3597, 108.3558),
 ('khentii.delgerkhaan',   'SOUM', 'Дэлгэрхаан',  'Delgerkhaan',  'khentii',    47.1870, 109.1920),
 ('khentii.jargaltkhaan',  'SOUM', 'Жаргалтхаан', 'Jargaltkhaan', 'khentii',    47.4920, 109.4730),
 ('khentii.batshireet',    'SOUM', 'Батширээт',   'Batshireet',   'khentii',    48.6920, 110.1870),
 ('khovd.jargalant',       'SOUM', 'Жаргалант',   'Jargalant',    'khovd',      48.0056,  91.6419);

INSERT INTO org_unit (code, level, name_mn, name_latin, parent_code) VALUES
 ('govisumber.sumber.1', 'BAG', '1-р баг', 'Bag 1', 'govisumber.sumber'),
 ('govisumber.sumber.2', 'BAG', '2-р баг', 'Bag 2', 'govisumber.sumber'),
 ('govisumber.sumber.3', 'BAG', '3-р баг', 'Bag 3', 'govisumber.sumber'),
 ('govisumber.sumber.4', 'BAG', '4-р баг', 'Bag 4', 'govisumber.sumber'),
 ('govisumber.sumber.5', 'BAG', '5-р баг', 'Bag 5', 'govisumber.sumber'),
 ('govisumber.sumber.6', 'BAG', '6-р баг', 'Bag 6', 'govisumber.sumber'),
 ('khovd.jargalant.1',   'BAG', '1-р баг',  'Bag 1',  'khovd.jargalant'),
 ('khovd.jargalant.2',   'BAG', '2-р баг',  'Bag 2',  'khovd.jargalant'),
 ('khovd.jargalant.3',   'BAG', '3-р баг',  'Bag 3',  'khovd.jargalant'),
 ('khovd.jargalant.4',   'BAG', '4-р баг',  'Bag 4',  'khovd.jargalant'),
 ('khovd.jargalant.5',   'BAG', '5-р баг',  'Bag 5',  'khovd.jargalant'),
 ('khovd.jargalant.6',   'BAG', '6-р баг',  'Bag 6',  'khovd.jargalant'),
 ('khovd.jargalant.7',   'BAG', '7-р баг',  'Bag 7',  'khovd.jargalant'),
 ('khovd.jargalant.8',   'BAG', '8-р баг',  'Bag 8',  'khovd.jargalant'),
 ('khovd.jargalant.9',   'BAG', '9-р баг',  'Bag 9',  'khovd.jargalant'),
 ('khovd.jargalant.10',  'BAG', '10-р баг', 'Bag 10', 'khovd.jargalant'),
 ('khovd.jargalant.11',  'BAG', '11-р баг', 'Bag 11', 'khovd.jargalant'),
 ('khovd.jargalant.12',  'BAG', '12-р баг', 'Bag 12', 'khovd.jargalant');
