// Drives Dialtone with node-zendesk as a Zendesk integration would: its resource methods for
// users, organizations, tickets and search, and its generic request/patch helpers for the calls
// API, which the package has no methods for. Each check prints "ok - …"; the first mismatch
// prints what differed and exits 1.
//
// DIALTONE_URL        e.g. http://localhost:8080 (the client's endpointUri is $DIALTONE_URL/api/v2)
// DIALTONE_EMAIL      an admin's email
// DIALTONE_TOKEN      that admin's API token
// DIALTONE_PASSWORD   that admin's password
// DIALTONE_LIMITED_URL a server with the same admin whose rate limits are a few requests
import assert from 'node:assert/strict';
import process from 'node:process';
import zendesk from 'node-zendesk';

function env(name) {
  const value = process.env[name];
  if (!value) {
    console.error(`not ok - ${name} is not set`);
    process.exit(2);
  }
  return value;
}

const base = env('DIALTONE_URL');
const email = env('DIALTONE_EMAIL');
const token = env('DIALTONE_TOKEN');
const password = env('DIALTONE_PASSWORD');
const limitedBase = env('DIALTONE_LIMITED_URL');

const endpointUri = `${base}/api/v2`;
const client = zendesk.createClient({username: email, token, endpointUri});
// The same client with the original error, which carries the status and Zendesk's error body.
const strict = zendesk.createClient({username: email, token, endpointUri, throwOriginalException: true});

let checks = 0;
async function check(name, body) {
  try {
    await body();
    checks++;
    console.log(`ok - ${name}`);
  } catch (error) {
    console.error(`not ok - ${name}`);
    console.error(error && error.stack ? error.stack : error);
    if (error && error.result) console.error('body:', JSON.stringify(error.result));
    process.exit(1);
  }
}

// Counts the requests one resource client sends, to see a walk take several pages.
function countRequests(resource) {
  const urls = [];
  resource.on('debug::request', (event) => urls.push(event.detail.uri));
  return urls;
}

const unique = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
const phone = `+1513555${unique.slice(-4)}`;
let callerId;
let agentId;

await check('users.me names the signed-in admin', async () => {
  const {response, result} = await client.users.me();
  assert.equal(response.status, 200);
  assert.equal(result.email, email);
  assert.equal(result.role, 'admin');
});

await check('password and OAuth sign-in', async () => {
  const byPassword = zendesk.createClient({username: email, password, endpointUri});
  assert.equal((await byPassword.users.auth()).result.email, email);
  const {result} = await client.tickets.request('POST', ['oauth', 'tokens'], {
    token: {client_id: 1, scopes: ['read', 'write']},
  });
  const byOAuth = zendesk.createClient({oauth: true, token: result.token.full_token, endpointUri});
  assert.equal((await byOAuth.users.me()).result.email, email);
});

await check('users.create, show, update', async () => {
  const created = await client.users.create({user: {name: 'Caller Example', phone, role: 'end-user'}});
  assert.equal(created.response.status, 201);
  assert.equal(created.result.name, 'Caller Example');
  assert.equal(created.result.phone, phone);
  callerId = created.result.id;
  assert.equal(typeof callerId, 'number');

  const shown = await client.users.show(callerId);
  assert.equal(shown.result.id, callerId);
  assert.equal(shown.result.role, 'end-user');

  const updated = await client.users.update(callerId, {user: {name: 'Caller Renamed'}});
  assert.equal(updated.response.status, 200);
  assert.equal(updated.result.name, 'Caller Renamed');
  assert.equal(updated.result.phone, phone);
  assert.equal((await client.users.show(callerId)).result.name, 'Caller Renamed');

  const agent = await client.users.create({user: {name: 'Agent Example', email: `agent${unique}@example.com`, role: 'agent'}});
  agentId = agent.result.id;
  assert.equal(agent.result.role, 'agent');
});

await check('users.search finds the caller by phone in other formatting', async () => {
  const digits = phone.slice(2);
  const formatted = `(${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6)}`;
  const found = await client.users.search({query: formatted});
  assert.ok(Array.isArray(found));
  assert.deepEqual(found.map((user) => user.id), [callerId]);
});

await check('search.query and queryAll find the caller by phone', async () => {
  const {result} = await client.search.query(`type:user phone:${phone}`);
  assert.deepEqual(result.map((hit) => [hit.id, hit.result_type]), [[callerId, 'user']]);
  const all = await client.search.queryAll(`role:end-user phone:*${phone.slice(-10)}`);
  assert.deepEqual(all.map((hit) => hit.id), [callerId]);
});

await check('organizations.create, show, list, delete', async () => {
  const created = await client.organizations.create({organization: {name: `Example Ltd ${unique}`}});
  assert.equal(created.response.status, 201);
  const id = created.result.id;
  assert.equal((await client.organizations.show(id)).result.name, `Example Ltd ${unique}`);
  const listed = await client.organizations.list();
  assert.ok(listed.some((organization) => organization.id === id));
  const deleted = await client.organizations.delete(id);
  assert.equal(deleted.response.status, 204);
  await assert.rejects(client.organizations.show(id), /Zendesk Error \(404\): Item not found/);
});

let ticketId;
await check('tickets.create, show, update with tags', async () => {
  const created = await client.tickets.create({
    ticket: {subject: 'Printer on fire', comment: {body: 'It is still burning.'}, requester_id: callerId, tags: ['printer', 'fire']},
  });
  assert.equal(created.response.status, 201);
  ticketId = created.result.id;
  assert.equal(created.result.subject, 'Printer on fire');
  assert.equal(created.result.requester_id, callerId);
  assert.deepEqual([...created.result.tags].sort(), ['fire', 'printer']);

  const shown = await client.tickets.show(ticketId);
  assert.equal(shown.result.id, ticketId);
  assert.equal(shown.result.description, 'It is still burning.');
  assert.deepEqual([...shown.result.tags].sort(), ['fire', 'printer']);

  const updated = await client.tickets.update(ticketId, {
    ticket: {status: 'solved', tags: ['resolved'], comment: {body: 'Fire is out.', public: false}},
  });
  assert.equal(updated.response.status, 200);
  assert.equal(updated.result.status, 'solved');
  assert.deepEqual(updated.result.tags, ['resolved']);
  assert.equal((await client.tickets.show(ticketId)).result.status, 'solved');
});

await check('tickets.getComments lists the comments in order', async () => {
  const comments = await client.tickets.getComments(ticketId);
  assert.deepEqual(comments.map((comment) => [comment.body, comment.public]), [
    ['It is still burning.', true],
    ['Fire is out.', false],
  ]);
});

let callId;
let callTicketId;
await check('request POST /calls without a comment', async () => {
  const {response, result} = await client.tickets.request('POST', ['calls'], {
    call: {from_line: '+183808333456', to_line: '+149488484873', call_started_at: '2022-01-27T15:31:40+01', direction: 'inbound', app_id: 735264019863524},
  });
  assert.equal(response.status, 201);
  assert.equal(typeof result.call.id, 'number');
  assert.equal(result.call.call_started_at, '2022-01-27T14:31:40Z');
  assert.equal(result.call.ticket_id, null);
});

await check('request POST /calls with a comment makes its ticket', async () => {
  const {response, result} = await client.tickets.request('POST', ['calls'], {
    call: {from_line: phone, to_line: '+149488484873', call_started_at: '2022-01-27T15:31:40+01', direction: 'inbound', app_id: 735264019863524, agent_id: agentId, end_user_id: callerId},
    comment: {title: 'Inbound call', call_fields: ['from_line', 'to_line', 'call_started_at', 'direction']},
  });
  assert.equal(response.status, 201);
  callId = result.call.id;
  callTicketId = result.call.ticket_id;
  assert.equal(typeof callTicketId, 'number');
  assert.equal(result.call.end_user_id, callerId);
  assert.equal((await client.tickets.show(callTicketId)).result.requester_id, callerId);
});

await check('get and patch /calls/{id}', async () => {
  const shown = await client.tickets.get(['calls', callId]);
  assert.equal(shown.result.call.id, callId);
  assert.equal(shown.result.call.ticket_id, callTicketId);

  const patched = await client.tickets.patch('calls', callId, {call: {call_ended_at: '2022-01-27T14:37:25Z', duration: 345}});
  assert.equal(patched.response.status, 200);
  assert.equal(patched.result.call.call_ended_at, '2022-01-27T14:37:25Z');
  assert.equal(patched.result.call.duration, 345);
  assert.equal(patched.result.call.from_line, phone);
});

await check('request POST /calls/{id}/comments adds a TPE voice comment', async () => {
  const {response, result} = await client.tickets.request('POST', ['calls', callId, 'comments'], {
    title: 'Call ended',
    call_fields: ['from_line', 'to_line', 'call_started_at', 'call_ended_at', 'direction', 'duration'],
  });
  assert.equal(response.status, 201);
  assert.equal(result.type, 'TpeVoiceComment');
  assert.equal(result.data.call_id, callId);
  assert.equal(result.data.duration, 345);
});

await check('tickets.getComments shows the voice comments with their data', async () => {
  const comments = await client.tickets.getComments(callTicketId);
  assert.equal(comments.length, 2);
  for (const comment of comments) {
    assert.equal(comment.type, 'TpeVoiceComment');
    assert.equal(comment.data.call_id, callId);
    assert.equal(comment.data.from_line, phone);
  }
  assert.equal(comments[1].data.call_ended_at, '2022-01-27T14:37:25Z');
  assert.equal(comments[1].data.duration, 345);
  assert.deepEqual(comments.map((comment) => comment.data.title), ['Inbound call', 'Call ended']);
});

await check('cursor walks of users, tickets and organizations, two to a page', async () => {
  for (let i = 0; i < 3; i++) {
    await client.users.create({user: {name: `Walker${unique} ${i}`, role: 'end-user'}});
    await client.organizations.create({organization: {name: `Walk ${unique} ${i}`}});
    await client.tickets.create({ticket: {subject: `Walk ${i}`, comment: {body: 'walk'}}});
  }
  const paged = zendesk.createClient({username: email, token, endpointUri, query: {page: {size: 2}}});
  for (const [resource, name] of [[paged.users, 'users'], [paged.tickets, 'tickets'], [paged.organizations, 'organizations']]) {
    const requests = countRequests(resource);
    const walked = await resource.list();
    const whole = await client[name].list();
    const ids = walked.map((record) => record.id);
    assert.deepEqual(ids, whole.map((record) => record.id), `${name}: the walk differs from pages of 100`);
    assert.equal(new Set(ids).size, ids.length, `${name}: a record came twice`);
    assert.ok(requests.length >= Math.ceil(ids.length / 2), `${name}: ${requests.length} requests for ${ids.length}`);
    assert.ok(requests.every((uri) => uri.includes('page%5Bsize%5D=2')), `${name}: ${requests}`);
  }
  const endUsers = await paged.users.listWithFilter('role', 'end-user');
  assert.ok(endUsers.length >= 4);
  assert.ok(endUsers.every((user) => user.role === 'end-user'));
});

await check('offset walks of comments and search results, two to a page', async () => {
  const paged = zendesk.createClient({username: email, token, endpointUri, query: {per_page: 2}});
  for (let i = 0; i < 3; i++) {
    await client.tickets.update(ticketId, {ticket: {comment: {body: `Note ${i}`}}});
  }
  const requests = countRequests(paged.tickets);
  const comments = await paged.tickets.getComments(ticketId);
  assert.deepEqual(comments.map((comment) => comment.body), ['It is still burning.', 'Fire is out.', 'Note 0', 'Note 1', 'Note 2']);
  assert.equal(requests.length, 3);

  const walkers = await paged.search.queryAll(`type:user Walker${unique}`);
  assert.deepEqual(walkers.map((user) => user.name).sort(), [0, 1, 2].map((i) => `Walker${unique} ${i}`));
});

await check('users.delete and tickets.delete', async () => {
  const user = await client.users.create({user: {name: 'Leaving', role: 'end-user'}});
  const deleted = await client.users.delete(user.result.id);
  assert.equal(deleted.response.status, 200);
  assert.equal(deleted.result.active, false);

  const ticket = await client.tickets.create({ticket: {subject: 'Spam', comment: {body: 'spam'}}});
  const gone = await client.tickets.delete(ticket.result.id);
  assert.equal(gone.response.status, 204);
  await assert.rejects(client.tickets.show(ticket.result.id), /Zendesk Error \(404\): Item not found/);
});

await check('404 as the client surfaces it', async () => {
  await assert.rejects(client.users.show(1), {
    message: 'Request processing failed: Zendesk Error (404): Item not found',
  });
  await assert.rejects(strict.tickets.show(1), (error) => {
    assert.equal(error.statusCode, 404);
    assert.deepEqual(error.result, {error: 'RecordNotFound', description: 'Not found'});
    return true;
  });
  await assert.rejects(strict.tickets.get(['calls', 1]), (error) => {
    assert.equal(error.statusCode, 404);
    assert.equal(error.result.error, 'RecordNotFound');
    return true;
  });
});

await check('422 as the client surfaces it', async () => {
  await assert.rejects(client.users.create({user: {email: `nameless${unique}@example.com`}}), {
    message: 'Request processing failed: Zendesk Error (422): Unprocessable Entity',
  });
  await assert.rejects(strict.users.create({user: {email: `nameless${unique}@example.com`}}), (error) => {
    assert.equal(error.statusCode, 422);
    assert.equal(error.result.error, 'RecordInvalid');
    assert.ok(error.result.details.name, JSON.stringify(error.result));
    return true;
  });
  await assert.rejects(
    strict.tickets.request('POST', ['calls'], {call: {from_line: '+183808333456', to_line: '+149488484873', call_started_at: '2022-01-27T15:31:40+01', direction: 'sideways', app_id: 1}}),
    (error) => {
      assert.equal(error.statusCode, 422);
      assert.equal(error.result.error, 'RecordInvalid');
      assert.equal(error.result.details.direction[0].error, 'InvalidValue');
      return true;
    },
  );
});

await check('429 as the client surfaces it, on both budgets', async () => {
  const limited = zendesk.createClient({username: email, token, endpointUri: `${limitedBase}/api/v2`});
  // node-zendesk does not throw on an answer with Retry-After: it resolves with an Error as the
  // result. A fixed window can roll over once during the loop, hence the bound.
  for (const send of [() => limited.users.me(), () => limited.tickets.get(['calls', 1])]) {
    let answer;
    for (let i = 0; i < 40; i++) {
      answer = await send().catch((error) => ({thrown: error}));
      if (answer.response && answer.response.status === 429) break;
    }
    assert.ok(answer.response, `no 429 in 40 requests: ${answer.thrown}`);
    assert.equal(answer.response.status, 429);
    assert.ok(Number(answer.response.headers.get('retry-after')) >= 1);
    assert.ok(answer.result instanceof Error);
    assert.equal(answer.result.statusCode, 429);
    assert.equal(answer.result.message, 'Zendesk rate limits 200 requests per minute');
    assert.equal(answer.result.result.error, 'TooManyRequests');
  }
});

console.log(`node-zendesk ${checks} checks passed against ${endpointUri}`);
