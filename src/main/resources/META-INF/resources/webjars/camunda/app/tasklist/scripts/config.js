// Sanal: the webapps speak Mongolian first (locales/mn.json); English stays for those whose browser asks for it.
export default {
  locales: {
    availableLocales: ['mn', 'en'],
    fallbackLocale: 'mn'
  },

  // Camunda's own keyboard shortcuts (kept from its config.js, described in Mongolian)
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'сонгосон даалгаврыг өөр дээрээ авах'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'жагсаалтын эхний шүүлтүүр рүү шилжих'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'жагсаалтын эхний даалгавар руу шилжих'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'даалгаврын маягтын эхний талбар руу шилжих'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'процесс эхлүүлэх цонхыг нээх'
    }
  }
};
