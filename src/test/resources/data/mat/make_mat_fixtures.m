% Writes the small MAT-file fixtures for MatReaderTest and the reference costs Octave computes on
% them (an implementation independent of the Java code). Run from this directory:
%   octave --no-gui --quiet make_mat_fixtures.m
% Layout as in the classic course (ex4): X is m x 400, each 20x20 image stored column-major
% (X(i,:) = img(:)'), y is m x 1 with 1..10 where 10 means the digit 0; Theta1 25x401 and
% Theta2 10x26 with the bias in column 1, rows of Theta2 ordered by label 1..10.
1;

function W = debug_weights(fan_out, fan_in)
  % The course's debugInitializeWeights: sin() of the linear index, column-major, divided by 10.
  W = reshape(sin(1:fan_out * (1 + fan_in)), fan_out, 1 + fan_in) / 10;
end

function g = sigmoid(z)
  g = 1 ./ (1 + exp(-z));
end

function J = course_cost(Theta1, Theta2, X, y, lambda)
  % The course's nnCostFunction (cost part): sigmoid hidden and output units, cross-entropy.
  m = size(X, 1);
  a1 = [ones(m, 1) X];
  a2 = [ones(m, 1) sigmoid(a1 * Theta1')];
  a3 = sigmoid(a2 * Theta2');
  Y = (repmat(1:size(Theta2, 1), m, 1) == repmat(y, 1, size(Theta2, 1)));
  J = sum(sum(-Y .* log(a3) - (1 - Y) .* log(1 - a3))) / m ...
      + lambda / (2 * m) * (sum(sum(Theta1(:, 2:end) .^ 2)) + sum(sum(Theta2(:, 2:end) .^ 2)));
end

side = 20;
m = 6;
X = zeros(m, side * side);
for i = 1:m
  img = zeros(side, side);                 % img(r, c): row r (y = r-1), column c (x = c-1)
  for r = 1:side
    for c = 1:side
      img(r, c) = mod((i - 1) * 31 + (r - 1) * 20 + (c - 1), 17) / 16;
    end
  end
  img(1, 2) = -0.125;                      % the course's X holds values slightly outside [0, 1]
  img(2, 1) = 1.125;
  X(i, :) = img(:)';                       % column-major, as the course stores its images
end
y = [1; 2; 10; 10; 5; 9];
Theta1 = debug_weights(25, 400);
Theta2 = debug_weights(10, 25);

save('-v7', 'course-data.mat', 'X', 'y');          % compressed (MAT v7 without HDF5)
save('-v6', 'course-data-v6.mat', 'X', 'y');       % uncompressed MAT v5
save('-v6', 'course-weights.mat', 'Theta1', 'Theta2');

fid = fopen('course-costs.txt', 'w');
fprintf(fid, '# J(Theta1, Theta2) on course-data.mat with course-weights.mat, computed by Octave %s\n', version());
fprintf(fid, 'lambda=0 %.17g\n', course_cost(Theta1, Theta2, X, y, 0));
fprintf(fid, 'lambda=1 %.17g\n', course_cost(Theta1, Theta2, X, y, 1));
fclose(fid);

% ---- malformed variants ----
save('-v6', 'missing-y.mat', 'X');
Xgood = X;
X = Xgood(:, 1:399);
save('-v6', 'x-wrong-shape.mat', 'X', 'y');
X = 'not a matrix';
save('-v6', 'x-is-text.mat', 'X', 'y');
X = Xgood;
yGood = y;
y = [1; 2; 11; 10; 5; 9];
save('-v6', 'y-out-of-range.mat', 'X', 'y');
y = [1; 2.5; 10; 10; 5; 9];
save('-v6', 'y-not-integer.mat', 'X', 'y');
y = [1; 2; 10];
save('-v6', 'y-wrong-length.mat', 'X', 'y');
y = yGood;
X(3, 7) = NaN;
save('-v6', 'x-not-finite.mat', 'X', 'y');
X = Xgood;
X(2, 5) = 3;
save('-v6', 'x-out-of-range.mat', 'X', 'y');
Theta1Good = Theta1;
Theta1 = debug_weights(25, 399);
save('-v6', 'theta1-wrong-shape.mat', 'Theta1', 'Theta2');
Theta1 = Theta1Good;
Theta2 = debug_weights(10, 24);
save('-v6', 'theta2-wrong-shape.mat', 'Theta1', 'Theta2');
save('-v6', 'missing-theta1.mat', 'Theta2');
