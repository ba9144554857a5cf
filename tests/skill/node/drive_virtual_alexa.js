// Drives voicecart's exported interaction model with virtual-alexa against a live server.
// usage: node drive_virtual_alexa.js SKILL_URL MODEL_FILE UTTERANCES_JSON
// Prints one JSON line: [{utterance, intent, speech, end}], the intent as virtual-alexa chose it.
const { VirtualAlexa } = require("virtual-alexa");

const [url, modelFile, utterancesJson] = process.argv.slice(2);
const alexa = VirtualAlexa.Builder().skillURL(url).interactionModelFile(modelFile).create();
const sent = [];
alexa.filter((request) => sent.push(request));

(async () => {
  const out = [];
  for (const utterance of JSON.parse(utterancesJson)) {
    const reply = await alexa.utter(utterance);
    const request = sent[sent.length - 1].request;
    const speech = reply.response && reply.response.outputSpeech;
    out.push({ utterance, intent: request.intent ? request.intent.name : request.type,
               speech: speech ? speech.ssml : null, end: reply.response.shouldEndSession });
  }
  console.log(JSON.stringify(out));
})().catch((error) => { console.error(String(error && error.stack || error)); process.exit(1); });
