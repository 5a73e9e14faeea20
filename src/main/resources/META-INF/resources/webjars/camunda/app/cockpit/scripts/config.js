// Sanal: the webapps speak Mongolian first (locales/mn.json); English stays for those whose browser asks for it.
export default {
  locales: {
    availableLocales: ['mn', 'en'],
    fallbackLocale: 'mn'
  }
};
