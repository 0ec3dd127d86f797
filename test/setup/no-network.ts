// Unit and e2e tests never touch the network: every host but loopback is
// refused, so a forgotten interception fails loudly instead of calling GitHub.
import nock from 'nock';

nock.disableNetConnect();
nock.enableNetConnect(/^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/);

afterEach(() => {
  nock.cleanAll();
});
