# -*- coding: utf-8 -*-
"""A simple MNIST classifier: softmax regression trained with plain numpy.

It follows the command line and the console output of TensorFlow's
mnist_with_summaries example, without needing TensorFlow, so it runs
unchanged on Python 2.7 (as in tensorflow/tensorflow:1.4.0) and on Python 3.

Every 10th step evaluates the test set and prints
"Accuracy at step N: X"; the other steps train on one mini-batch.
"""

from __future__ import absolute_import, division, print_function

import argparse
import gzip
import os
import shutil
import struct
import sys
import tempfile

import numpy as np

SOURCE_URL = 'https://storage.googleapis.com/cvdf-datasets/mnist/'
TRAIN_IMAGES = 'train-images-idx3-ubyte.gz'
TRAIN_LABELS = 'train-labels-idx1-ubyte.gz'
TEST_IMAGES = 't10k-images-idx3-ubyte.gz'
TEST_LABELS = 't10k-labels-idx1-ubyte.gz'
VALIDATION_SIZE = 5000
NUM_CLASSES = 10
IMAGE_PIXELS = 28 * 28
SEED = 42
DOWNLOAD_TIMEOUT_S = 30


class DataError(Exception):
    """A problem with the data set that ends the program with one line."""


def say(*args):
    """Prints one line and flushes, so that the output streams live."""
    print(*args)
    sys.stdout.flush()


def download(filename, work_directory):
    """Downloads one MNIST file unless it is already in work_directory."""
    filepath = os.path.join(work_directory, filename)
    if os.path.exists(filepath):
        return filepath
    if not os.path.isdir(work_directory):
        os.makedirs(work_directory)
    try:
        from urllib.request import urlopen  # Python 3
    except ImportError:
        from urllib2 import urlopen  # Python 2
    url = SOURCE_URL + filename
    fd, tmp_path = tempfile.mkstemp(prefix='.' + filename, dir=work_directory)
    try:
        with os.fdopen(fd, 'wb') as out:
            response = urlopen(url, timeout=DOWNLOAD_TIMEOUT_S)
            shutil.copyfileobj(response, out)
        os.chmod(tmp_path, 0o644)
        os.rename(tmp_path, filepath)
    except Exception as err:  # network down, DNS, HTTP error, disk full...
        if os.path.exists(tmp_path):
            os.remove(tmp_path)
        reason = getattr(err, 'reason', None) or err
        raise DataError(
            'cannot download %s (%s); put the four MNIST files in %s '
            'or pass --fake_data' % (url, reason, work_directory))
    say('Successfully downloaded', filename, os.path.getsize(filepath), 'bytes.')
    return filepath


def read_idx(filepath, expected_magic):
    """Reads a gzipped IDX file and returns its contents as a uint8 array."""
    say('Extracting', filepath)
    try:
        with gzip.open(filepath, 'rb') as stream:
            data = stream.read()
    except (IOError, OSError, EOFError) as err:
        raise DataError('cannot read %s: %s' % (filepath, err))
    if len(data) < 8:
        raise DataError('%s is too short to be an IDX file' % filepath)
    magic, count = struct.unpack('>II', data[:8])
    if magic != expected_magic:
        raise DataError('invalid magic number %d in MNIST file %s (expected %d)'
                        % (magic, filepath, expected_magic))
    if magic == 2051:  # images: count x rows x cols
        rows, cols = struct.unpack('>II', data[8:16])
        shape, offset = (count, rows * cols), 16
    else:  # labels: count
        shape, offset = (count,), 8
    size = int(np.prod(shape))
    if len(data) - offset < size:
        raise DataError('%s is truncated' % filepath)
    return np.frombuffer(data, dtype=np.uint8, count=size, offset=offset).reshape(shape)


class DataSet(object):
    """Images (uint8, one row per image) and labels, served in shuffled batches."""

    def __init__(self, images, labels, rng):
        if images.shape[0] != labels.shape[0]:
            raise DataError('images and labels differ in number: %d vs %d'
                            % (images.shape[0], labels.shape[0]))
        self.images = images
        self.labels = labels.astype(np.int64)
        self._rng = rng
        self._order = rng.permutation(images.shape[0])
        self._position = 0

    @property
    def num_examples(self):
        return self.images.shape[0]

    def next_batch(self, batch_size):
        """Returns the next batch_size examples; reshuffles at each new epoch."""
        if self._position + batch_size > self.num_examples:
            self._order = self._rng.permutation(self.num_examples)
            self._position = 0
        picked = self._order[self._position:self._position + batch_size]
        self._position += batch_size
        return to_float(self.images[picked]), self.labels[picked]


def to_float(images):
    return images.astype(np.float32) * np.float32(1.0 / 255.0)


def read_data_sets(data_dir, fake_data, rng):
    """Returns (train, test) DataSets, from files or made up."""
    if fake_data:
        def fake(count):
            images = rng.randint(0, 256, size=(count, IMAGE_PIXELS)).astype(np.uint8)
            labels = rng.randint(0, NUM_CLASSES, size=count)
            return DataSet(images, labels, rng)
        return fake(1000), fake(1000)

    # Each file is fetched (when missing) and then read, in TensorFlow's order.
    train_images = read_idx(download(TRAIN_IMAGES, data_dir), 2051)
    train_labels = read_idx(download(TRAIN_LABELS, data_dir), 2049)
    test_images = read_idx(download(TEST_IMAGES, data_dir), 2051)
    test_labels = read_idx(download(TEST_LABELS, data_dir), 2049)
    for images in (train_images, test_images):
        if images.shape[1] != IMAGE_PIXELS:
            raise DataError('expected 28x28 images, found %d pixels per image'
                            % images.shape[1])
    # Like TensorFlow's input_data: the first 5000 training images are kept
    # aside for validation and not used for training.
    keep = VALIDATION_SIZE if train_images.shape[0] > 2 * VALIDATION_SIZE else 0
    train = DataSet(train_images[keep:], train_labels[keep:], rng)
    test = DataSet(test_images, test_labels, rng)
    return train, test


class SoftmaxRegression(object):
    """y = softmax(x W + b), trained by gradient descent on the cross-entropy."""

    def __init__(self):
        self.weights = np.zeros((IMAGE_PIXELS, NUM_CLASSES), dtype=np.float32)
        self.bias = np.zeros(NUM_CLASSES, dtype=np.float32)

    def logits(self, images):
        return images.dot(self.weights) + self.bias

    def train_step(self, images, labels, learning_rate):
        logits = self.logits(images)
        logits -= logits.max(axis=1, keepdims=True)
        probs = np.exp(logits)
        probs /= probs.sum(axis=1, keepdims=True)
        probs[np.arange(labels.shape[0]), labels] -= 1.0  # d(loss)/d(logits)
        probs /= labels.shape[0]
        self.weights -= np.float32(learning_rate) * images.T.dot(probs)
        self.bias -= np.float32(learning_rate) * probs.sum(axis=0)

    def accuracy(self, images, labels):
        predicted = np.argmax(self.logits(images), axis=1)
        return float(np.mean(predicted == labels))


def train(flags):
    rng = np.random.RandomState(SEED)
    train_set, test_set = read_data_sets(flags.data_dir, flags.fake_data, rng)
    test_images = to_float(test_set.images)
    test_labels = test_set.labels

    if not os.path.isdir(flags.log_dir):
        os.makedirs(flags.log_dir)
    model = SoftmaxRegression()
    with open(os.path.join(flags.log_dir, 'accuracy.csv'), 'w') as summary:
        summary.write('step,test_accuracy\n')
        for step in range(flags.max_steps):
            if step % 10 == 0:  # record the test-set accuracy
                accuracy = model.accuracy(test_images, test_labels)
                summary.write('%d,%.4f\n' % (step, accuracy))
                say('Accuracy at step %d: %.4f' % (step, accuracy))
            else:  # train on one batch
                images, labels = train_set.next_batch(flags.batch_size)
                model.train_step(images, labels, flags.learning_rate)
    if flags.max_steps > 0:
        say('Adding run metadata for', flags.max_steps - 1)


def positive_int(text):
    value = int(text)
    if value <= 0:
        raise argparse.ArgumentTypeError('must be a positive integer: %r' % text)
    return value


def boolean(text):
    lowered = text.strip().lower()
    if lowered in ('1', 'true', 'yes', 'on'):
        return True
    if lowered in ('0', 'false', 'no', 'off', ''):
        return False
    raise argparse.ArgumentTypeError('expected true or false: %r' % text)


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--fake_data', nargs='?', const=True, type=boolean, default=False,
                        help='If true, uses random data instead of the MNIST files.')
    parser.add_argument('--max_steps', type=int, default=1000,
                        help='Number of steps to run the trainer.')
    parser.add_argument('--learning_rate', type=float, default=0.1,
                        help='Initial learning rate.')
    parser.add_argument('--batch_size', type=positive_int, default=100,
                        help='Number of examples per training batch.')
    parser.add_argument('--dropout', type=float, default=0.9,
                        help='Accepted for compatibility; a linear model has no dropout.')
    parser.add_argument('--data_dir', type=str, default='/tmp/tensorflow/input_data',
                        help='Directory for storing input data.')
    parser.add_argument('--log_dir', type=str, default='/tmp/tensorflow/logs',
                        help='Summaries log directory.')
    return parser.parse_args(argv)


def main(argv=None):
    flags = parse_args(sys.argv[1:] if argv is None else argv)
    try:
        train(flags)
    except DataError as err:
        sys.stdout.flush()
        sys.stderr.write('error: %s\n' % err)
        return 1
    except (IOError, OSError) as err:
        sys.stdout.flush()
        sys.stderr.write('error: %s\n' % err)
        return 1
    except KeyboardInterrupt:
        sys.stdout.flush()
        return 130
    return 0


if __name__ == '__main__':
    sys.exit(main())
