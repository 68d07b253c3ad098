//! Who holds the preview's connections. Page connections are capped; when all are taken, a
//! new one makes room by closing the one quiet the longest (no request begun for the longest
//! time), so silent or stalled clients cannot lock pages out, while a browser's connections,
//! which send their request at once, are not the ones closed.
//!
//! A live-reload event stream holds its connection as long as its tab is open, so streams
//! leave the page connections for a smaller cap of their own. Past it the oldest stream is
//! closed: its tab's EventSource reconnects by itself a few seconds later, and the tab just
//! opened, the one in front of the user, always gets live reload (a 503 would instead stop
//! that tab's EventSource for good). 32, because a browser keeps at most 6 HTTP/1.1
//! connections to one address: room for several browsers, host spellings and devices.

use hyper::body::Bytes;
use std::collections::{BTreeMap, VecDeque};
use std::sync::{Arc, Mutex};
use std::time::Instant;
use tokio::sync::{mpsc, oneshot};

pub(super) const MAX_CONNECTIONS: usize = 256;
pub(super) const MAX_STREAMS: usize = 32;
/// Messages a stream may have waiting before new ones are dropped for it.
const STREAM_BACKLOG: usize = 16;

/// An open page connection: when it last began a request, and the way to close it.
struct Open {
    last: Instant,
    close: oneshot::Sender<()>,
}

#[derive(Default)]
struct Pages {
    next: u64,
    open: BTreeMap<u64, Open>,
}

pub(super) struct Conns {
    pages: Arc<Mutex<Pages>>,
    /// Oldest first.
    streams: Mutex<VecDeque<mpsc::Sender<Bytes>>>,
    max_pages: usize,
    max_streams: usize,
}

/// A page connection's place, given up when dropped.
pub(super) struct Slot {
    pub id: u64,
    pages: Arc<Mutex<Pages>>,
}

impl Drop for Slot {
    fn drop(&mut self) {
        self.pages.lock().expect("lock").open.remove(&self.id);
    }
}

impl Conns {
    pub(super) fn new(max_pages: usize, max_streams: usize) -> Conns {
        Conns { pages: Arc::default(), streams: Mutex::default(), max_pages, max_streams }
    }

    /// A new page connection. The receiver resolves with Ok when the connection is to be
    /// closed to make room, with Err when it has become an event stream (and stays open).
    pub(super) fn admit(&self, now: Instant) -> (Slot, oneshot::Receiver<()>) {
        let mut pages = self.pages.lock().expect("lock");
        if pages.open.len() >= self.max_pages {
            if let Some(open) = quietest(&pages.open).and_then(|id| pages.open.remove(&id)) {
                let _ = open.close.send(());
            }
        }
        let id = pages.next;
        pages.next += 1;
        let (close, closed) = oneshot::channel();
        pages.open.insert(id, Open { last: now, close });
        (Slot { id, pages: self.pages.clone() }, closed)
    }

    /// A request begins on a page connection.
    pub(super) fn touch(&self, id: u64, now: Instant) {
        if let Some(open) = self.pages.lock().expect("lock").open.get_mut(&id) {
            open.last = now;
        }
    }

    /// The page connection `id` becomes an event stream, `first` its first message.
    pub(super) fn stream(&self, id: u64, first: Option<Bytes>) -> mpsc::Receiver<Bytes> {
        self.pages.lock().expect("lock").open.remove(&id);
        let (tx, rx) = mpsc::channel(STREAM_BACKLOG);
        if let Some(message) = first {
            let _ = tx.try_send(message);
        }
        let mut streams = self.streams.lock().expect("lock");
        streams.retain(|s| !s.is_closed());
        // Dropping a sender ends its stream; the response says `connection: close`.
        while streams.len() >= self.max_streams {
            streams.pop_front();
        }
        streams.push_back(tx);
        rx
    }

    /// Sends to every open stream, forgetting the ones that went away.
    pub(super) fn broadcast(&self, message: &Bytes) {
        self.streams.lock().expect("lock").retain(|tx| match tx.try_send(message.clone()) {
            Ok(()) | Err(mpsc::error::TrySendError::Full(_)) => true,
            Err(mpsc::error::TrySendError::Closed(_)) => false,
        });
    }
}

/// The connection that began a request the longest ago (the first opened, on a tie).
fn quietest(open: &BTreeMap<u64, Open>) -> Option<u64> {
    open.iter().min_by_key(|(id, o)| (o.last, **id)).map(|(id, _)| *id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;
    use tokio::sync::mpsc::error::TryRecvError;
    use tokio::sync::oneshot::error::TryRecvError as Closed;

    #[test]
    fn a_full_house_closes_the_connection_quiet_the_longest() {
        let conns = Conns::new(3, 2);
        let t = Instant::now();
        let at = |ms| t + Duration::from_millis(ms);
        let (a, mut a_closed) = conns.admit(at(0));
        let (_b, mut b_closed) = conns.admit(at(1));
        let (_c, mut c_closed) = conns.admit(at(2));
        conns.touch(a.id, at(3));
        let (_d, mut d_closed) = conns.admit(at(4));
        assert_eq!(b_closed.try_recv(), Ok(()), "b began nothing since it opened");
        for closed in [&mut a_closed, &mut c_closed, &mut d_closed] {
            assert_eq!(closed.try_recv(), Err(Closed::Empty));
        }
        // A connection that ends gives its place back: no one is closed for the next.
        drop(a);
        let (_e, _) = conns.admit(at(5));
        assert_eq!(c_closed.try_recv(), Err(Closed::Empty));
        assert_eq!(d_closed.try_recv(), Err(Closed::Empty));
    }

    #[test]
    fn an_event_stream_leaves_the_page_connections_and_stays_open() {
        let conns = Conns::new(2, 2);
        let t = Instant::now();
        let (a, mut a_closed) = conns.admit(t);
        let (_b, mut b_closed) = conns.admit(t);
        let mut events = conns.stream(a.id, Some(Bytes::from_static(b"first")));
        assert_eq!(a_closed.try_recv(), Err(Closed::Closed), "Err: not to be closed");
        let (_c, _) = conns.admit(t);
        assert_eq!(b_closed.try_recv(), Err(Closed::Empty), "the stream's place was free");
        assert_eq!(events.try_recv(), Ok(Bytes::from_static(b"first")));
        conns.broadcast(&Bytes::from_static(b"reload"));
        assert_eq!(events.try_recv(), Ok(Bytes::from_static(b"reload")));
    }

    #[test]
    fn past_the_stream_cap_the_oldest_stream_ends_and_gone_ones_go_first() {
        let conns = Conns::new(10, 2);
        let mut streams: Vec<_> = (0..3).map(|i| conns.stream(i, None)).collect();
        assert_eq!(streams[0].try_recv(), Err(TryRecvError::Disconnected), "the oldest ended");
        assert_eq!(streams[1].try_recv(), Err(TryRecvError::Empty));
        assert_eq!(streams[2].try_recv(), Err(TryRecvError::Empty));
        // A tab that went away frees its place: the others stay.
        drop(streams.remove(1));
        let mut newest = conns.stream(3, None);
        conns.broadcast(&Bytes::from_static(b"x"));
        assert_eq!(streams[1].try_recv(), Ok(Bytes::from_static(b"x")));
        assert_eq!(newest.try_recv(), Ok(Bytes::from_static(b"x")));
    }
}
